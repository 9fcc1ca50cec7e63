-- fixture: mixed
-- Near misses: with mixed=true, CREATE INDEX CONCURRENTLY makes Flyway run the whole file without a transaction.
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname); -- expect: concurrently-with-transactional-lock
BEGIN;
UPDATE users SET nickname = name;
COMMIT;
