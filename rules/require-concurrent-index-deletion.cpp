// require-concurrent-index-deletion: DROP INDEX without CONCURRENTLY.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "DropStmt") return;
  flyguard::sql::AstNode drop = context.node();
  if (drop.string_field("removeType") != "OBJECT_INDEX" || drop.bool_field("concurrent")) return;
  reporter.report(context.statement_offset(),
                  "DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table",
                  "use DROP INDEX CONCURRENTLY, alone in its own migration so that Flyway runs it outside a "
                  "transaction");
}

}  // namespace

FLYGUARD_RULE(require_concurrent_index_deletion) = {
    .id = "require-concurrent-index-deletion",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "DROP INDEX without CONCURRENTLY",
    .rationale =
        "Dropping an index is quick once it has its lock, but the lock is ACCESS EXCLUSIVE on the table the "
        "index belongs to. If a long query is reading the table, DROP INDEX waits for it, and every query "
        "that arrives meanwhile queues behind the DROP: a single slow report can stall all traffic to the "
        "table. DROP INDEX CONCURRENTLY waits for running transactions without blocking new ones. Like "
        "CREATE INDEX CONCURRENTLY it cannot run in a transaction, so it belongs in a migration of its own.",
    .bad_example = "DROP INDEX orders_legacy_idx;",
    .good_example = "-- V43__drop_orders_legacy_idx.sql, with nothing else in it\n"
                    "DROP INDEX CONCURRENTLY orders_legacy_idx;",
    .fix = "Use DROP INDEX CONCURRENTLY in a migration of its own",
    .check = check,
};
