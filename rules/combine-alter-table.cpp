// combine-alter-table: several ALTER TABLE statements on one table where one statement would do.
#include <algorithm>
#include <optional>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;
using flyguard::sql::Statement;

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

// What the backwards search needs of a statement: read once, the first time the search reaches it.
struct StatementTables {
  bool combinable = false;
  TableRef altered;                            // the table of a combinable ALTER TABLE
  std::optional<std::vector<TableRef>> tables;  // every table the statement refers to, read when first needed
};

class TablesByStatement {
 public:
  explicit TablesByStatement(std::size_t statements) : summaries_(statements) {}

  const StatementTables& of(const std::vector<Statement>& statements, std::size_t i) const {
    std::optional<StatementTables>& summary = summaries_[i];
    if (summary) return *summary;
    summary.emplace();
    summary->combinable = combinable(statements[i]);
    if (summary->combinable) summary->altered = table_ref(statements[i].body().field("relation"));
    return *summary;
  }

  // Whether statement i refers to `table`. A statement whose text does not hold the table's name in any
  // ASCII case cannot (PostgreSQL folds only ASCII letters of unquoted names; a name with a quote in it is
  // written doubled, so it is always looked up in the tree).
  bool refers_to(const std::vector<Statement>& statements, std::size_t i, std::string_view text,
                 const TableRef& table) const {
    const Statement& statement = statements[i];
    const std::string_view code = text.substr(statement.span.code_begin, statement.span.end - statement.span.code_begin);
    if (table.name.find('"') == std::string_view::npos && !flyguard::util::ascii_icontains(code, table.name))
      return false;
    std::optional<std::vector<TableRef>>& tables = summaries_[i]->tables;
    if (!tables) {
      tables.emplace();
      for (const AstNode& range_var : range_vars(statement.ast)) tables->push_back(table_ref(range_var));
    }
    return std::any_of(tables->begin(), tables->end(), [&](const TableRef& t) { return t.same(table); });
  }

 private:
  mutable std::vector<std::optional<StatementTables>> summaries_;
};

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "AlterTableStmt") return;
  const TablesByStatement& summaries = context.memo->get<TablesByStatement>(
      "combine-alter-table", [&] { return TablesByStatement(context.statements.size()); });
  const StatementTables& current = summaries.of(context.statements, context.index);
  if (!current.combinable) return;
  AstNode table = context.node().field("relation");
  // An empty new table is altered in no time.
  if (context.created_in_this_file(current.altered.schema, current.altered.name)) return;
  // Walk back over the ALTERs of this table; a statement that uses the table in between (a backfill, an
  // index) may need the earlier ALTER done first, so the chain stops there.
  std::optional<std::size_t> first;
  for (std::size_t i = context.index; i-- > 0;) {
    if (!context.statements[i].ast) continue;
    const StatementTables& earlier = summaries.of(context.statements, i);
    if (earlier.combinable && earlier.altered.same(current.altered)) {
      first = i;
    } else if (summaries.refers_to(context.statements, i, context.text, current.altered)) {
      break;
    }
  }
  if (!first) return;
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
