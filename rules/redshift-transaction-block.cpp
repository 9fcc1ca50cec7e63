// redshift-transaction-block: a statement Redshift refuses inside a transaction block, in a script Flyway
// runs in one because its Redshift support does not recognise the statement.
#include "rules/engine.h"
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!context.in_transaction) return;  // Flyway recognised it (or executeInTransaction=false): no transaction
  std::string refusal = redshift_transaction_block_refusal(context.statement);
  if (refusal.empty()) return;
  reporter.report(context.statement_offset(),
                  "Redshift cannot run " + refusal +
                      " inside a transaction block, and Flyway runs this script in one (its Redshift support does "
                      "not recognise the statement): the migration fails at deploy time",
                  "set executeInTransaction=false in this migration's .sql.conf, and keep the statement in a "
                  "migration of its own");
}

}  // namespace

FLYGUARD_RULE(redshift_transaction_block) = {
    .id = "redshift-transaction-block",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "A statement Redshift refuses in a transaction block, in a script Flyway runs in one",
    .rationale =
        "Redshift refuses some statements inside a transaction block (dg/r_SVL_MULTI_STATEMENT_VIOLATIONS): "
        "CREATE and DROP DATABASE, ALTER TABLE on external tables, GRANT on external objects, ALTER DATABASE "
        "... ISOLATION LEVEL, VACUUM, ALTER TABLE APPEND and others. Flyway's Redshift parser recognises only "
        "some of them (VACUUM, APPEND, CREATE EXTERNAL TABLE, ALTER COLUMN, libraries, identity providers) and "
        "then runs the script without a transaction; for the others it opens one as usual, and the statement "
        "fails when the pipeline deploys. executeInTransaction=false in the migration's .sql.conf makes "
        "Flyway run the script without a transaction.",
    .bad_example = "CREATE DATABASE analytics;",
    .good_example = "-- V12__analytics_db.sql, next to V12__analytics_db.sql.conf holding executeInTransaction=false\n"
                    "CREATE DATABASE analytics;",
    .fix = "Give the statement a migration of its own with executeInTransaction=false in its .sql.conf",
    .check = check,
};
