-- Near misses: lock_timeout set first (SET LOCAL counts).
SET LOCAL lock_timeout = '2s';
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-statement-timeout
DROP INDEX users_old_idx; -- expect: require-concurrent-index-deletion
