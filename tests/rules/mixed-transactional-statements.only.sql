-- Near misses: non-transactional statements alone.
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname); -- expect: concurrently-with-transactional-lock
DROP INDEX CONCURRENTLY users_nick_idx;
VACUUM users;
