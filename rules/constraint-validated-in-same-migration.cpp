// constraint-validated-in-same-migration: ADD CONSTRAINT ... NOT VALID and its VALIDATE in one transaction.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool is_alter_table(const flyguard::sql::Statement& statement) {
  return statement.ast && statement.kind() == "AlterTableStmt" &&
         statement.body().string_field("objtype") == "OBJECT_TABLE";
}

// Whether `cmd` adds constraint `name` with NOT VALID.
bool adds_not_valid(const AstNode& cmd, std::string_view name) {
  AstNode constraint = cmd.field("def");
  return cmd.string_field("subtype") == "AT_AddConstraint" && constraint.bool_field("skip_validation") &&
         constraint.string_field("conname") == name;
}

// Whether a statement before the command `cmd_index` of this statement added `name` NOT VALID to `table`.
bool added_not_valid_earlier(const RuleContext& context, const AstNode& table, std::string_view name,
                             std::size_t cmd_index) {
  for (std::size_t i = 0; i <= context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (!is_alter_table(statement) || !same_table(statement.body().field("relation"), table)) continue;
    std::vector<AstNode> cmds = statement.body().list_field("cmds");
    std::size_t end = i == context.index ? cmd_index : cmds.size();
    for (std::size_t c = 0; c < end && c < cmds.size(); ++c)
      if (adds_not_valid(cmds[c].body(), name)) return true;
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  // Without a transaction the ADD commits at once and VALIDATE takes only a weak lock: that is the safe way.
  if (!context.in_transaction || !is_alter_table(context.statement)) return;
  AstNode table = context.node().field("relation");
  if (context.created_in_this_file(table)) return;
  std::vector<AstNode> cmds = context.node().list_field("cmds");
  for (std::size_t c = 0; c < cmds.size(); ++c) {
    AstNode cmd = cmds[c].body();
    if (cmd.string_field("subtype") != "AT_ValidateConstraint") continue;
    std::string name(cmd.string_field("name"));
    if (!added_not_valid_earlier(context, table, name, c)) continue;
    reporter.report(context.statement_offset(),
                    "constraint " + name + " is added NOT VALID and validated in the same migration: Flyway runs "
                        "both in one transaction, so the lock taken by the ADD is held while every row of " +
                        table_label(table) + " is checked",
                    "move ALTER TABLE ... VALIDATE CONSTRAINT " + name + " to a later migration");
  }
}

}  // namespace

FLYGUARD_RULE(constraint_validated_in_same_migration) = {
    .id = "constraint-validated-in-same-migration",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ADD CONSTRAINT ... NOT VALID and VALIDATE CONSTRAINT of the same constraint in one migration",
    .rationale =
        "NOT VALID exists so that the long check of existing rows happens later under a weak lock: the ADD "
        "takes a lock that blocks writes for an instant, and VALIDATE CONSTRAINT scans the table under a "
        "SHARE UPDATE EXCLUSIVE lock that lets reads and writes go on. Flyway runs one migration file in one "
        "transaction, though, and locks last until the transaction ends: validating in the same file keeps "
        "the ADD's write-blocking lock (on both tables, for a foreign key) for the whole scan, which is "
        "exactly the outage NOT VALID was meant to avoid. Scripts that Flyway runs without a transaction, and "
        "tables created earlier in the same migration, are not flagged.",
    .bad_example = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
                   "    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
                   "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;",
    .good_example = "-- V13__validate_orders_customer_fk.sql, a later migration than the one adding it NOT VALID\n"
                    "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;",
    .fix = "Validate the constraint in a later migration",
    .check = check,
};
