// ban-exclusion-constraint: ADD CONSTRAINT ... EXCLUDE on an existing table.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode table = context.node().field("relation");
  for (const flyguard::sql::AstNode& cmd : existing_table_commands(context, "AT_AddConstraint")) {
    flyguard::sql::AstNode constraint = cmd.field("def");
    if (constraint.string_field("contype") != "CONSTR_EXCLUSION") continue;
    reporter.report(context.offset_of(constraint),
                    "adding an exclusion constraint to " + table_label(table) +
                        " builds its index and checks every row while holding an ACCESS EXCLUSIVE lock, which "
                        "blocks reads and writes",
                    "enforce the rule another way on a large table, or add the constraint when the table is "
                    "created (or while it is still small) and plan the downtime");
  }
}

}  // namespace

FLYGUARD_RULE(ban_exclusion_constraint) = {
    .id = "ban-exclusion-constraint",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "ADD CONSTRAINT ... EXCLUDE on an existing table",
    .rationale =
        "An exclusion constraint is enforced by an index (usually GiST). Adding one to an existing table builds "
        "that index and checks every pair of conflicting rows while ALTER TABLE holds an ACCESS EXCLUSIVE lock: "
        "neither reads nor writes can run until it is done. Unlike CHECK and FOREIGN KEY it cannot be added NOT "
        "VALID, and unlike UNIQUE or PRIMARY KEY it cannot be attached to an index built beforehand with CREATE "
        "INDEX CONCURRENTLY (ADD CONSTRAINT ... USING INDEX accepts only unique b-tree indexes), so there is no "
        "online way to add it. Declaring it in CREATE TABLE, or on a table created earlier in the same "
        "migration, is fine: nobody uses that table yet.",
    .bad_example = "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap\n"
                   "    EXCLUDE USING gist (room_id WITH =, during WITH &&);",
    .good_example = "CREATE TABLE bookings (\n    room_id bigint,\n    during tstzrange,\n"
                    "    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&)\n);",
    .fix = "Declare the exclusion constraint when the table is created, or schedule the lock on a large table",
    .check = check,
};
