// redshift-truncate-commits: TRUNCATE in Redshift commits the transaction it runs in.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!context.in_transaction || context.statement.kind() != "TruncateStmt") return;
  reporter.report(context.statement_offset(),
                  "TRUNCATE commits the transaction Flyway opened for this migration: the statements before it "
                  "stay applied even if a later one fails, and the migration can no longer be rolled back as a whole",
                  "use DELETE FROM (transactional, slower on big tables), or give the TRUNCATE a migration of its "
                  "own");
}

}  // namespace

FLYGUARD_RULE(redshift_truncate_commits) = {
    .id = "redshift-truncate-commits",
    .severity = flyguard::Severity::warning,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "TRUNCATE commits the migration's transaction in Redshift",
    .rationale =
        "In Redshift, TRUNCATE commits the transaction in which it runs (dg/r_TRUNCATE). Flyway runs a "
        "migration in one transaction so that a failure leaves nothing behind; a TRUNCATE in the middle "
        "silently commits everything before it, so a later failure leaves the migration half applied and "
        "Flyway's history marks it failed. DELETE FROM stays inside the transaction.",
    .bad_example = "INSERT INTO audit VALUES (1);\nTRUNCATE staging;",
    .good_example = "INSERT INTO audit VALUES (1);\nDELETE FROM staging;",
    .fix = "Use DELETE FROM inside a migration, or give TRUNCATE a migration of its own",
    .check = check,
};
