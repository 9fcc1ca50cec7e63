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
  AstNode body = statement.ast.body();
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

// The tables each statement of the file refers to, gathered once per file.
using TablesByStatement = std::vector<std::vector<AstNode>>;

TablesByStatement tables_by_statement(const std::vector<Statement>& statements) {
  TablesByStatement out;
  for (const Statement& statement : statements) out.push_back(range_vars(statement.ast));
  return out;
}

bool mentions(const std::vector<AstNode>& tables, const AstNode& table) {
  return std::any_of(tables.begin(), tables.end(), [&](const AstNode& t) { return same_table(t, table); });
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!combinable(context.statement)) return;
  AstNode table = context.node().field("relation");
  if (context.created_in_this_file(table)) return;  // an empty new table is altered in no time
  // Walk back over the ALTERs of this table; a statement that uses the table in between (a backfill, an
  // index) may need the earlier ALTER done first, so the chain stops there.
  const TablesByStatement& tables = context.memo->get<TablesByStatement>(
      "combine-alter-table", [&] { return tables_by_statement(context.statements); });
  std::optional<std::size_t> first;
  for (std::size_t i = context.index; i-- > 0;) {
    const Statement& statement = context.statements[i];
    if (!statement.ast) continue;
    if (combinable(statement) && same_table(statement.ast.body().field("relation"), table)) first = i;
    else if (mentions(tables[i], table)) break;
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
