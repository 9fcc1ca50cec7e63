// combine-alter-table: several ALTER TABLE statements on one table where one statement would do.
#include <optional>
#include <unordered_map>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;
using flyguard::sql::Statement;
using flyguard::sql::StatementSpan;

// An ALTER TABLE whose subcommands may share a statement with others. PostgreSQL refuses to combine
// ATTACH/DETACH PARTITION, and a lone VALIDATE CONSTRAINT is kept apart on purpose (it takes a weaker lock).
bool combinable(const Statement& statement) {
  // Inside a DO block, ALTERs often sit in different branches of an IF: only one of them runs.
  if (statement.kind() != "AlterTableStmt" || statement.nested_in != Statement().nested_in) return false;
  AstNode body = statement.body();
  if (body.string_field("objtype") != "OBJECT_TABLE") return false;
  bool only_validates = true;
  for (const AstNode& cmd : body.list_field("cmds")) {
    std::string_view subtype = cmd.body().string_field("subtype");
    if (subtype == "AT_AttachPartition" || subtype == "AT_DetachPartition" || subtype == "AT_DetachPartitionFinalize")
      return false;
    only_validates = only_validates && subtype == "AT_ValidateConstraint";
  }
  return !only_validates;
}

struct TableRef {
  std::string_view schema;  // "" when unqualified: matches any schema
  std::string_view name;
  bool same(const TableRef& other) const { return same_table_name(schema, name, other.schema, other.name); }
};

TableRef table_ref(const AstNode& range_var) {
  return {range_var.string_field("schemaname"), range_var.string_field("relname")};
}

// For every ALTER TABLE, the first ALTER of the chain it continues: the earlier ALTERs of the same table
// with no statement in between that uses the table (a backfill, an index build: the later ALTER may need
// it done first). Worked out in one pass over the file, the tables each statement uses read once.
class AlterChains {
 public:
  AlterChains(const std::vector<Statement>& statements, std::string_view text)
      : first_(statements.size()), lowered_text_(flyguard::util::ascii_lower(text)) {
    std::vector<std::optional<TableRef>> altered(statements.size());
    for (std::size_t i = 0; i < statements.size(); ++i)
      if (statements[i].ast && combinable(statements[i])) {
        altered[i] = table_ref(statements[i].body().field("relation"));
        add_chain(*altered[i]);
      }
    if (chains_.empty()) return;
    for (std::size_t i = 0; i < statements.size(); ++i) {
      if (!statements[i].ast) continue;
      const std::optional<TableRef>& alter = altered[i];
      if (may_use_open_table(statements[i], alter))
        for (const AstNode& range_var : range_vars(statements[i].ast))
          for_each_chain_of(table_ref(range_var), [&](Chain& chain) {
            if (!alter || !alter->same(chain.table)) chain.first.reset();  // used in between: the chain ends
          });
      if (!alter) continue;
      for_each_chain_of(*alter, [&](Chain& chain) {
        if (!chain.first) chain.first = i;
      });
      for_each_chain_of(*alter, [&](Chain& chain) {
        if (chain.table.schema == alter->schema && chain.first != i) first_[i] = chain.first;
      });
    }
  }

  // The first ALTER of statement i's chain, when statement i is not that first one.
  std::optional<std::size_t> first_before(std::size_t i) const { return first_[i]; }

 private:
  struct Chain {
    TableRef table;
    std::string lowered_name;
    std::optional<std::size_t> first;  // unset while no ALTER of the table has been seen since its last use
  };

  // False when the statement cannot use a table whose chain is open, so its tree need not be read: no chain
  // is open, or the text holds none of their names in any ASCII case (PostgreSQL folds only ASCII letters of
  // unquoted names; a name with a quote in it is written doubled, so it is always looked up in the tree).
  // The chains of the table an ALTER alters do not count: that ALTER continues them.
  bool may_use_open_table(const Statement& statement, const std::optional<TableRef>& altered) const {
    constexpr std::size_t kNamesWorthSearching = 8;
    std::size_t open = 0;
    const StatementSpan& span = statement.span;
    const std::string_view code =
        std::string_view(lowered_text_).substr(span.code_begin, span.end - span.code_begin);
    for (const Chain& chain : chains_) {
      if (!chain.first || (altered && altered->same(chain.table))) continue;
      if (++open > kNamesWorthSearching || chain.lowered_name.find('"') != std::string::npos ||
          code.find(chain.lowered_name) != std::string_view::npos)
        return true;
    }
    return false;
  }

  // One chain per table as written (schema and name); an unqualified name belongs to every schema's chain.
  void add_chain(const TableRef& table) {
    auto [begin, end] = by_name_.equal_range(table.name);
    for (auto it = begin; it != end; ++it)
      if (chains_[it->second].table.schema == table.schema) return;
    by_name_.emplace(table.name, chains_.size());
    chains_.push_back({table, flyguard::util::ascii_lower(table.name), std::nullopt});
  }

  template <typename Visit>
  void for_each_chain_of(const TableRef& table, Visit&& visit) {
    auto [begin, end] = by_name_.equal_range(table.name);
    for (auto it = begin; it != end; ++it)
      if (chains_[it->second].table.same(table)) visit(chains_[it->second]);
  }

  std::vector<std::optional<std::size_t>> first_;
  std::vector<Chain> chains_;
  std::unordered_multimap<std::string_view, std::size_t> by_name_;
  std::string lowered_text_;  // the file's text in ASCII lower case, searched for the names of open chains
};

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "AlterTableStmt") return;
  const AlterChains& chains = context.memo->get<AlterChains>(
      "combine-alter-table", [&] { return AlterChains(context.statements, context.text); });
  std::optional<std::size_t> first = chains.first_before(context.index);
  if (!first) return;
  AstNode table = context.node().field("relation");
  // An empty new table is altered in no time.
  if (context.created_in_this_file(table)) return;
  reporter.report(context.statement_offset(),
                  "another ALTER TABLE on " + table_label(table) + " (the first is at line " +
                      std::to_string(line_of(context, context.statements[*first].span.code_begin)) +
                      "): each statement queues for the table's lock again, and may scan or rewrite it again",
                  "merge the actions into one ALTER TABLE, separated by commas");
}

}  // namespace

FLYGUARD_RULE(combine_alter_table) = {
    .id = "combine-alter-table",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "Several ALTER TABLE statements on one table where one statement with several actions would do",
    .rationale =
        "ALTER TABLE takes a list of actions separated by commas, and PostgreSQL applies them together: one lock "
        "acquisition, at most one pass over the table to check new constraints, and at most one rewrite. Split "
        "into separate statements, each one queues for the lock again (outside a transaction, or after the "
        "first one fails its lock_timeout, that is another chance to stall the traffic behind it), and an "
        "ALTER COLUMN TYPE followed by a volatile DEFAULT or SET NOT NULL scans or rewrites the table twice. "
        "The rule reports the second and later ALTER TABLE statements on a table, pointing back to the first. "
        "It does not report them when a statement in between uses the table (a backfill UPDATE, an index "
        "build: the later ALTER may need it), for ATTACH and DETACH PARTITION and a lone VALIDATE CONSTRAINT, "
        "which cannot or should not be combined, for tables created in the same migration, or inside DO blocks "
        "(their ALTERs often sit in branches of which only one runs).",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;\nALTER TABLE users ADD COLUMN avatar_url text;",
    .good_example = "ALTER TABLE users\n    ADD COLUMN nickname text,\n    ADD COLUMN avatar_url text;",
    .fix = "Merge the ALTER TABLE statements on one table into one, with the actions separated by commas",
    .check = check,
};
