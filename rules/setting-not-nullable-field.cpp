// setting-not-nullable-field: ALTER COLUMN ... SET NOT NULL on a table that already has rows.
#include <algorithm>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// Whether a CHECK expression proves `column IS NOT NULL` (alone or as one term of an AND).
bool proves_not_null(const AstNode& expr, std::string_view column) {
  if (expr.type() == "NullTest") {
    AstNode test = expr.body();
    AstNode arg = test.field("arg");
    return test.string_field("nulltesttype") == "IS_NOT_NULL" && arg.type() == "ColumnRef" &&
           last_name(arg.list_field("fields")) == column;
  }
  if (expr.type() == "BoolExpr" && expr.body().string_field("boolop") == "AND_EXPR") {
    for (const AstNode& arg : expr.body().list_field("args"))
      if (proves_not_null(arg, column)) return true;
  }
  return false;
}

// Whether an earlier statement of the file leaves a validated CHECK (column IS NOT NULL) on `table`: one added
// without NOT VALID, or a VALIDATE CONSTRAINT (of a constraint added in an earlier migration, whose expression
// this file cannot show, or of one added NOT VALID here with that expression).
bool validated_check_before(const RuleContext& context, const AstNode& table, std::string_view column) {
  std::vector<std::string> added, proving;  // constraint names added in this file; those proving the column
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (!statement.ast || statement.kind() != "AlterTableStmt") continue;
    if (!same_table(statement.body().field("relation"), table)) continue;
    for (const AstNode& item : statement.body().list_field("cmds")) {
      AstNode cmd = item.body();
      AstNode constraint = cmd.field("def");
      std::string_view subtype = cmd.string_field("subtype");
      std::string name(subtype == "AT_AddConstraint" ? constraint.string_field("conname") : cmd.string_field("name"));
      if (subtype == "AT_AddConstraint") {
        bool proves = constraint.string_field("contype") == "CONSTR_CHECK" &&
                      proves_not_null(constraint.field("raw_expr"), column);
        if (proves && !constraint.bool_field("skip_validation")) return true;
        added.push_back(name);
        if (proves) proving.push_back(name);
      } else if (subtype == "AT_ValidateConstraint") {
        bool unknown = std::find(added.begin(), added.end(), name) == added.end();
        if (unknown || std::find(proving.begin(), proving.end(), name) != proving.end()) return true;
      }
    }
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode table = context.node().field("relation");
  bool check_skips_scan = !context.pg_version || *context.pg_version >= 12;
  for (const AstNode& cmd : existing_table_commands(context, "AT_SetNotNull")) {
    std::string column(cmd.string_field("name"));
    if (check_skips_scan && validated_check_before(context, table, column)) continue;
    reporter.report(context.statement_offset(),
                    "SET NOT NULL on " + table_label(table) + "." + column +
                        " scans the whole table while holding an ACCESS EXCLUSIVE lock",
                    "add CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then "
                        "SET NOT NULL there (PostgreSQL 12+ uses the validated check and skips the scan)");
  }
}

}  // namespace

FLYGUARD_RULE(setting_not_nullable_field) = {
    .id = "setting-not-nullable-field",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ALTER COLUMN ... SET NOT NULL on an existing table",
    .rationale =
        "To add a NOT NULL constraint PostgreSQL reads every row to prove that none holds NULL, and it does "
        "so under an ACCESS EXCLUSIVE lock that blocks reads and writes until the scan ends. From PostgreSQL "
        "12 the scan is skipped when a validated CHECK constraint already proves the column is not null, and "
        "such a check can be built without blocking: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a "
        "later migration (a weak lock), then SET NOT NULL and drop the check. The rule stays quiet when an "
        "earlier statement of the same file adds such a check validated or runs VALIDATE CONSTRAINT on the "
        "table (unless pg_version is below 12), and for tables created earlier in the same migration.",
    .bad_example = "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
    .good_example = "-- V21__users_email_not_null.sql, after V20 added\n"
                    "--   CHECK (email IS NOT NULL) NOT VALID as users_email_not_null\n"
                    "ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;\n"
                    "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n"
                    "ALTER TABLE users DROP CONSTRAINT users_email_not_null;",
    .fix = "Prove the column with a validated CHECK (col IS NOT NULL) first (PostgreSQL 12+)",
    .check = check,
};
