// ban-drop-constraint: ALTER TABLE ... DROP CONSTRAINT removes a guarantee that code and data may rely on.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode table = context.node().field("relation");
  for (const flyguard::sql::AstNode& cmd : existing_table_commands(context, "AT_DropConstraint")) {
    reporter.report(context.statement_offset(),
                    "dropping constraint " + std::string(cmd.string_field("name")) + " of " + table_label(table) +
                        " removes what it guaranteed (and the index of a UNIQUE or PRIMARY KEY constraint): code "
                        "that relies on it, such as ON CONFLICT on those columns, breaks",
                    "to replace a constraint, add the new one first (NOT VALID, then VALIDATE) and drop the old "
                    "one in a later migration, once no code depends on it");
  }
}

}  // namespace

FLYGUARD_RULE(ban_drop_constraint) = {
    .id = "ban-drop-constraint",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ALTER TABLE ... DROP CONSTRAINT on an existing table",
    .rationale =
        "A constraint is a promise that the running application and other readers of the database rely on. "
        "Dropping a FOREIGN KEY lets orphan rows in, dropping a CHECK lets values in that old code does not "
        "expect, and dropping a UNIQUE or PRIMARY KEY constraint also drops its index: lookups on those columns "
        "turn into scans, INSERT ... ON CONFLICT on them fails with \"there is no unique or exclusion constraint "
        "matching the ON CONFLICT specification\", and duplicates can appear that cannot be removed without "
        "choosing which row wins. The drop itself takes an ACCESS EXCLUSIVE lock on the table (and, for a "
        "foreign key, on the referenced table). Drop a constraint only once no code relies on it; to change "
        "one, add the replacement first (NOT VALID, then VALIDATE CONSTRAINT in a later migration) and drop the "
        "old one afterwards. Constraints of tables created in the same migration are not flagged.",
    .bad_example = "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk;",
    .good_example = "-- V20: the replacement first\n"
                    "ALTER TABLE orders ADD CONSTRAINT orders_account_fk\n"
                    "    FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\n"
                    "-- V21, once no code needs the old one:\n"
                    "ALTER TABLE orders DROP CONSTRAINT orders_customer_fk; "
                    "-- flyguard:ignore ban-drop-constraint -- replaced by orders_account_fk in V20",
    .fix = "Drop a constraint only after the code stops relying on it; add a replacement first",
    .check = check,
};
