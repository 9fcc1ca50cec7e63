-- REINDEX ... CONCURRENTLY waits for older snapshots like CREATE INDEX CONCURRENTLY.
REINDEX (VERBOSE) INDEX CONCURRENTLY orders_status_idx; -- expect: concurrently-with-transactional-lock
-- Near miss: a plain REINDEX (require-lock-timeout does not cover REINDEX).
REINDEX INDEX orders_customer_idx;
