// require-concurrent-index-creation: CREATE INDEX without CONCURRENTLY on a table in use.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "IndexStmt") return;
  flyguard::sql::AstNode index = context.node();
  if (index.bool_field("concurrent")) return;
  flyguard::sql::AstNode table = index.field("relation");
  // Nobody else can be using a table this migration just created, so its lock costs nothing.
  if (context.created_in_this_file(table)) return;
  // ON ONLY a partitioned parent creates an invalid index on the parent alone, without a scan: the first
  // step of building a partitioned index partition by partition, CONCURRENTLY, then ATTACH PARTITION.
  if (!table.bool_field("inh")) return;
  reporter.report(context.statement_offset(),
                  "CREATE INDEX without CONCURRENTLY blocks every write to " + table_label(table) +
                      " until the index is built",
                  "use CREATE INDEX CONCURRENTLY, alone in its own migration so that Flyway runs it outside a "
                  "transaction");
}

}  // namespace

FLYGUARD_RULE(require_concurrent_index_creation) = {
    .id = "require-concurrent-index-creation",
    .severity = flyguard::Severity::error,
    .dialects = kPostgres,
    .opt_in = false,
    .summary = "CREATE INDEX without CONCURRENTLY on an existing table",
    .rationale =
        "A plain CREATE INDEX takes a SHARE lock on the table: reads go on, but every INSERT, UPDATE and DELETE "
        "waits until the whole table has been scanned and sorted, which on a large table means minutes of "
        "failed or queued writes. CREATE INDEX CONCURRENTLY builds the index in several passes while writes "
        "continue. It cannot run inside a transaction, so put it in a migration of its own: Flyway notices "
        "the statement and runs that file without a transaction (on Flyway 10 and later also set "
        "flyway.postgresql.transactional.lock=false, or the build waits forever for the transaction that holds "
        "Flyway's own lock). "
        "Indexes on tables created earlier in the same migration are not flagged: nobody uses those yet; nor is "
        "CREATE INDEX ON ONLY a partitioned table, which builds nothing (the parent's index stays invalid until "
        "an index of each partition, built CONCURRENTLY, is attached with ALTER INDEX ... ATTACH PARTITION).",
    .bad_example = "CREATE INDEX orders_customer_idx ON orders (customer_id);",
    .good_example = "-- V42__index_orders_customer.sql, with nothing else in it\n"
                    "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);",
    .fix = "Use CREATE INDEX CONCURRENTLY in a migration of its own",
    .check = check,
};
