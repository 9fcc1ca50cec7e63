// require-statement-timeout: the first lock-taking statement of a file that never set statement_timeout before it.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  // Same statements as require-lock-timeout (first_lock_without_timeout), so the two rules never disagree.
  std::string table = first_lock_without_timeout(context, "statement_timeout");
  if (table.empty()) return;
  reporter.report(context.statement_offset(),
                  "this statement locks " + table + " with no statement_timeout set: if it runs longer than "
                      "expected, it keeps the lock, and every query on the table waits, for as long as it runs",
                  "start the migration with SET statement_timeout = '5s' (a bound above what the migration needs)");
}

}  // namespace

FLYGUARD_RULE(require_statement_timeout) = {
    .id = "require-statement-timeout",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "A lock-taking statement on an existing table with no SET statement_timeout before it",
    .rationale =
        "lock_timeout bounds how long a statement waits for its lock; it does not bound what happens once the "
        "lock is granted. An ALTER TABLE that turns out to rewrite the table, a CREATE INDEX on a table far "
        "bigger than in staging, or a TRUNCATE stuck behind a slow trigger then holds its lock for minutes while "
        "every query on the table waits. statement_timeout cancels any statement that runs longer than the "
        "bound, which rolls the migration back and releases the lock. The rule looks at the same statements as "
        "require-lock-timeout (ALTER TABLE, a plain CREATE INDEX, DROP, RENAME, TRUNCATE, CREATE TRIGGER on a "
        "table this file did not create) and reports the first one of a file only, since one SET at the top "
        "covers them all. SET statement_timeout = 0 turns the timeout off and does not count; SET LOCAL counts "
        "in a file that runs inside a transaction (and, unlike a plain SET, does not outlive the migration on "
        "Flyway's connection). Choose a bound above what the migration legitimately needs: a data backfill may "
        "need minutes. When Flyway's initSql or the database role already sets statement_timeout, turn the rule "
        "off in .flyguard.toml.",
    .bad_example = "ALTER TABLE users ADD COLUMN nickname text;",
    .good_example = "SET LOCAL lock_timeout = '5s';\nSET LOCAL statement_timeout = '30s';\n"
                    "ALTER TABLE users ADD COLUMN nickname text;",
    .fix = "Start the migration with SET statement_timeout (or SET LOCAL statement_timeout)",
    .check = check,
};
