// transaction-nesting: BEGIN / COMMIT / ROLLBACK in a migration that Flyway runs in a transaction.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

// What the statement does to the transaction Flyway opened, or "" when it is harmless (SAVEPOINT).
std::string_view effect(std::string_view kind) {
  if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START")
    return "Flyway already runs this migration in a transaction: BEGIN only warns, and the COMMIT that "
           "usually follows ends Flyway's transaction early";
  if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_PREPARE")
    return "COMMIT ends the transaction Flyway opened: what follows runs outside it, and a later failure "
           "leaves the migration half applied";
  if (kind == "TRANS_STMT_ROLLBACK")
    return "ROLLBACK undoes the statements before it, yet Flyway goes on and records the migration as applied";
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  // With executeInTransaction=false (or a statement that forces it) the script manages its own transactions.
  if (!context.in_transaction || context.statement.kind() != "TransactionStmt") return;
  std::string_view message = effect(context.node().string_field("kind"));
  if (message.empty()) return;
  reporter.report(context.statement_offset(), std::string(message),
                  "remove it and let Flyway manage the transaction; to run a script without one, set "
                  "executeInTransaction=false in its .sql.conf");
}

}  // namespace

FLYGUARD_RULE(transaction_nesting) = {
    .id = "transaction-nesting",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "BEGIN, COMMIT or ROLLBACK inside a migration that Flyway runs in a transaction",
    .rationale =
        "Flyway wraps each SQL migration in a transaction of its own, and writes the migration's row in "
        "flyway_schema_history in that same transaction, so that a migration either applies completely or "
        "not at all. A BEGIN in the script does nothing but raise a warning; the COMMIT that goes with it "
        "ends Flyway's transaction in the middle of the file, so a failure after it leaves the schema half "
        "migrated with no history row, and a ROLLBACK silently discards work that Flyway then records as "
        "applied. Scripts that Flyway runs without a transaction (executeInTransaction=false in the .sql.conf, "
        "or a statement such as CREATE INDEX CONCURRENTLY) are not flagged.",
    .bad_example = "BEGIN;\nALTER TABLE users ADD COLUMN nickname text;\nCOMMIT;",
    .good_example = "ALTER TABLE users ADD COLUMN nickname text;",
    .fix = "Remove the transaction statements; Flyway already runs the file in one transaction",
    .check = check,
};
