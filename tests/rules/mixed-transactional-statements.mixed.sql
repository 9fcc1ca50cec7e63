-- fixture: mixed
-- Near misses: with mixed=true Flyway runs the whole script without a transaction.
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout, require-statement-timeout
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname); -- expect: concurrently-with-transactional-lock
