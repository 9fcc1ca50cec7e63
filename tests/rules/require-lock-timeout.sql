-- require-lock-timeout
CREATE TABLE teams (id bigint);
ALTER TABLE teams ADD COLUMN name text;
CREATE INDEX teams_name_idx ON teams (name);
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout, require-statement-timeout
-- Near misses: only the first lock-taking statement of a file is reported.
ALTER TABLE users ADD COLUMN handle text; -- expect: combine-alter-table
CREATE INDEX CONCURRENTLY users_handle_idx ON users (handle); -- expect: mixed-transactional-statements, concurrently-with-transactional-lock
