-- Near misses: non-transactional statements alone.
CREATE INDEX CONCURRENTLY users_nickname_idx ON users (nickname);
DROP INDEX CONCURRENTLY users_nick_idx;
VACUUM users;
