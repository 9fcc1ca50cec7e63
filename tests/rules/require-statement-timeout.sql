-- require-statement-timeout: lock_timeout alone does not bound how long the lock is held.
SET lock_timeout = '5s';
CREATE TABLE teams (id bigint);
ALTER TABLE teams ADD COLUMN name text;
CREATE INDEX teams_name_idx ON teams (name);
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-statement-timeout
-- Near misses: only the first lock-taking statement of a file is reported.
ALTER TABLE users ADD COLUMN handle text; -- expect: combine-alter-table
SELECT count(*) FROM users; -- expect: statement-after-access-exclusive-lock
