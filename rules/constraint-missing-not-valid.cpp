// constraint-missing-not-valid: ADD FOREIGN KEY / CHECK on an existing table without NOT VALID.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode table = context.node().field("relation");
  for (const flyguard::sql::AstNode& cmd : existing_table_commands(context, "AT_AddConstraint")) {
    flyguard::sql::AstNode constraint = cmd.field("def");
    std::string_view type = constraint.string_field("contype");
    // UNIQUE and PRIMARY KEY cannot be NOT VALID (PostgreSQL rejects it), so they are not this rule's business.
    if ((type != "CONSTR_FOREIGN" && type != "CONSTR_CHECK") || constraint.bool_field("skip_validation")) continue;
    std::string what = type == "CONSTR_FOREIGN" ? "FOREIGN KEY" : "CHECK";
    reporter.report(context.offset_of(constraint),
                    "adding a " + what + " constraint to " + table_label(table) +
                        " without NOT VALID scans the whole table while holding a lock that blocks writes",
                    "add it with NOT VALID, then run ALTER TABLE ... VALIDATE CONSTRAINT in a later migration");
  }
}

}  // namespace

FLYGUARD_RULE(constraint_missing_not_valid) = {
    .id = "constraint-missing-not-valid",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ADD FOREIGN KEY or CHECK constraint on an existing table without NOT VALID",
    .rationale =
        "Adding a CHECK or FOREIGN KEY constraint makes PostgreSQL check every existing row before the "
        "statement finishes, and it does so while holding a lock that blocks writes to the table (a foreign "
        "key also locks the referenced table). On a large table that is a long outage. With NOT VALID the "
        "constraint is added instantly and enforced for new rows only; ALTER TABLE ... VALIDATE CONSTRAINT "
        "later checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which lets reads and writes go on. "
        "Run the VALIDATE in a later migration: one Flyway file is one transaction, so validating in the same "
        "file keeps the strong lock until the scan ends. UNIQUE and PRIMARY KEY constraints are not flagged "
        "here because they cannot be NOT VALID.",
    .bad_example = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
                   "    FOREIGN KEY (customer_id) REFERENCES customers (id);",
    .good_example = "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
                    "    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\n"
                    "-- in a later migration:\n"
                    "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;",
    .fix = "Add the constraint NOT VALID and VALIDATE it in a later migration",
    .check = check,
};
