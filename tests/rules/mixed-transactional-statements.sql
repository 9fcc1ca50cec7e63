-- mixed-transactional-statements
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout, require-statement-timeout
COMMENT ON COLUMN users.nickname IS 'shown to other users';
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname); -- expect: mixed-transactional-statements, concurrently-with-transactional-lock
-- Near misses: once reported, the rest of the file is not reported again.
DROP INDEX CONCURRENTLY users_nick_idx;
UPDATE users SET nickname = name;
