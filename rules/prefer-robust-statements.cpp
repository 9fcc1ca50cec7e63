// prefer-robust-statements (opt-in): DDL that fails when run a second time, in a script Flyway does not
// run in one transaction.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// What makes the statement fail on a second run, or "" when it is safe to repeat.
std::string fragile(const AstNode& node, std::string_view kind) {
  if (kind == "CreateStmt" || kind == "CreateSeqStmt")
    return node.bool_field("if_not_exists") ? "" : "CREATE without IF NOT EXISTS";
  if (kind == "CreateSchemaStmt") return node.bool_field("if_not_exists") ? "" : "CREATE SCHEMA without IF NOT EXISTS";
  if (kind == "CreateTableAsStmt") return node.bool_field("if_not_exists") ? "" : "CREATE TABLE AS without IF NOT EXISTS";
  if (kind == "IndexStmt") {
    if (node.string_field("idxname").empty()) return "CREATE INDEX without a name (a second run adds a second index)";
    return node.bool_field("if_not_exists") ? "" : "CREATE INDEX without IF NOT EXISTS";
  }
  if (kind == "DropStmt") return node.bool_field("missing_ok") ? "" : "DROP without IF EXISTS";
  if (kind == "AlterTableStmt") {
    for (const AstNode& cmd : node.list_field("cmds")) {
      const AstNode c = cmd.body();
      const std::string_view subtype = c.string_field("subtype");
      if (subtype == "AT_AddColumn" && !c.bool_field("missing_ok")) return "ADD COLUMN without IF NOT EXISTS";
      if ((subtype == "AT_DropColumn" || subtype == "AT_DropConstraint") && !c.bool_field("missing_ok"))
        return std::string(subtype == "AT_DropColumn" ? "DROP COLUMN" : "DROP CONSTRAINT") + " without IF EXISTS";
    }
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  // Flyway runs a transactional migration all or nothing: after a failure nothing is left to trip over.
  if (context.in_transaction) return;
  std::string problem = fragile(context.node(), context.statement.kind());
  if (problem.empty()) return;
  std::string hint = "add IF [NOT] EXISTS so that the statement can run again after a partial failure";
  if (context.statement.kind() == "IndexStmt" && context.node().bool_field("concurrent"))
    hint = "precede it with DROP INDEX CONCURRENTLY IF EXISTS: a failed concurrent build leaves an INVALID index "
           "that IF NOT EXISTS would silently keep";
  reporter.report(context.statement_offset(),
                  problem + ", in a script Flyway does not run in a transaction: if the script fails after it, "
                            "running the migration again fails here",
                  hint);
}

}  // namespace

FLYGUARD_RULE(prefer_robust_statements) = {
    .id = "prefer-robust-statements",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = true,
    .summary = "DDL that fails when repeated, in a migration Flyway does not run in one transaction",
    .rationale =
        "Flyway runs most migrations in one transaction: when one fails, nothing of it remains, and the fixed "
        "migration runs from the start on a clean slate. A script with a statement that cannot run in a "
        "transaction (CREATE INDEX CONCURRENTLY, VACUUM, ALTER TYPE ... ADD VALUE before PostgreSQL 12, or "
        "executeInTransaction=false) runs statement by statement instead: when it fails half way, the "
        "statements before the failure stay applied, and the repaired migration runs them again. CREATE "
        "without IF NOT EXISTS, DROP without IF EXISTS and ADD/DROP COLUMN without them then fail on the "
        "second run. The rule is opt-in and only looks at such non-transactional scripts; inside a transaction "
        "IF [NOT] EXISTS would only hide mistakes.",
    .bad_example = "CREATE INDEX CONCURRENTLY orders_placed_at ON orders (placed_at);",
    .good_example = "DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at;\n"
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at ON orders (placed_at);",
    .fix = "Use IF [NOT] EXISTS (and drop a possibly INVALID index first) in scripts that run outside a transaction",
    .check = check,
};
