// concurrently-with-transactional-lock: CREATE INDEX / REINDEX CONCURRENTLY while Flyway holds its lock in a transaction.
#include <algorithm>

#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (!context.transactional_lock) return;
  AstNode node = context.node();
  std::string what;
  if (context.statement.kind() == "IndexStmt" && node.bool_field("concurrent")) {
    what = "CREATE INDEX CONCURRENTLY";
  } else if (context.statement.kind() == "ReindexStmt") {
    std::vector<AstNode> params = node.list_field("params");
    if (std::any_of(params.begin(), params.end(),
                    [](const AstNode& p) { return p.body().string_field("defname") == "concurrently"; }))
      what = "REINDEX CONCURRENTLY";
  }
  if (what.empty()) return;
  reporter.report(context.statement_offset(),
                  what + " waits for every older transaction to end, including the one in which Flyway holds its "
                         "migration lock (postgresql.transactional.lock is true): the migration hangs",
                  "set flyway.postgresql.transactional.lock=false (FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK=false) for "
                  "the deployments that run this migration");
}

}  // namespace

FLYGUARD_RULE(concurrently_with_transactional_lock) = {
    .id = "concurrently-with-transactional-lock",
    .severity = flyguard::Severity::warning,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "CREATE INDEX or REINDEX CONCURRENTLY while Flyway's postgresql.transactional.lock is on",
    .rationale =
        "By default (postgresql.transactional.lock = true, the default of recent Flyway releases) Flyway takes "
        "its PostgreSQL advisory lock with pg_try_advisory_xact_lock inside a transaction that stays open on "
        "one connection while the migrations run on another. CREATE INDEX CONCURRENTLY and REINDEX "
        "CONCURRENTLY wait, before they finish, for every transaction holding a snapshot older than theirs, "
        "which includes Flyway's own: the migration hangs until someone kills it (flyway/flyway #3497, #3682, "
        "#3854, #3961). Setting flyway.postgresql.transactional.lock=false (in flyway.toml: "
        "[flyway.postgresql] transactional.lock = false; environment: FLYWAY_POSTGRESQL_TRANSACTIONAL_LOCK) "
        "makes Flyway use a session-level lock instead. flyguard reads that setting from flyway.conf, "
        "flyway.toml and the environment, so set it there and the rule goes quiet. DROP INDEX CONCURRENTLY is "
        "not flagged: it waits only for transactions that use the table, which Flyway's lock transaction does "
        "not (checked against PostgreSQL 15: with an idle transaction holding an old snapshot, CREATE INDEX and "
        "REINDEX CONCURRENTLY wait while DROP INDEX CONCURRENTLY completes).",
    .bad_example = "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
    .good_example = "-- flyway.conf: flyway.postgresql.transactional.lock=false\n"
                    "DROP INDEX CONCURRENTLY IF EXISTS orders_customer_old_idx;",
    .fix = "Set flyway.postgresql.transactional.lock=false",
    .check = check,
};
