// require-lock-timeout: the first lock-taking statement of a file that never set lock_timeout before it.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  std::string table = first_lock_without_timeout(context, "lock_timeout");
  if (table.empty()) return;
  reporter.report(context.statement_offset(),
                  "this statement waits for a lock on " + table + " with no lock_timeout set: while it waits, "
                      "every query that arrives after it queues behind it",
                  "start the migration with SET lock_timeout = '5s' (and retry the migration if it times out)");
}

}  // namespace

FLYGUARD_RULE(require_lock_timeout) = {
    .id = "require-lock-timeout",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "A lock-taking statement on an existing table with no SET lock_timeout before it",
    .rationale =
        "ALTER TABLE, a plain CREATE INDEX, DROP, RENAME, TRUNCATE and CREATE TRIGGER must wait for their "
        "lock until every transaction that touched the table has finished. A long-running query or an idle "
        "transaction is enough to make the migration wait indefinitely, and while it waits in the lock queue "
        "every new query on the table queues behind it: a migration that would take a millisecond becomes an "
        "outage. SET lock_timeout (SET LOCAL counts too, in a file that runs inside a transaction) makes the statement give up after a bound instead, "
        "so the deployment fails cleanly and can be retried. The rule reports the first such statement of a "
        "file only, since one SET at the top fixes them all; tables created earlier in the file are exempt. "
        "When Flyway's initSql or the database role already sets lock_timeout, turn the rule off in "
        ".flyguard.toml.",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;",
    .good_example = "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN nickname text;",
    .fix = "Start the migration with SET lock_timeout = '5s'",
    .check = check,
};
