-- require-concurrent-index-deletion
DROP INDEX orders_legacy_idx; -- expect: require-concurrent-index-deletion, require-lock-timeout, require-statement-timeout
DROP INDEX IF EXISTS app.users_old_idx, app.users_older_idx; -- expect: require-concurrent-index-deletion

-- Near misses: concurrent drops, and other objects.
DROP INDEX CONCURRENTLY orders_status_idx; -- expect: mixed-transactional-statements
DROP INDEX CONCURRENTLY IF EXISTS app.users_name_idx;
DROP VIEW orders_summary;
ALTER TABLE orders DROP CONSTRAINT orders_status_check; -- expect: ban-drop-constraint
