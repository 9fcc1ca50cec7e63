-- statement-after-access-exclusive-lock
SET lock_timeout = '5s';
SET statement_timeout = '1min';
CREATE TABLE audit (id bigint, user_id bigint REFERENCES users (id));
ALTER TABLE users ADD COLUMN nickname text;
-- Near misses: cheap statements, DDL on the locked table, tables created here.
COMMENT ON COLUMN users.nickname IS 'shown in the header';
GRANT SELECT ON users TO reporting;
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT '';
CREATE TABLE teams (id bigint, owner_id bigint REFERENCES users (id));
CREATE INDEX teams_owner_idx ON teams (owner_id);
INSERT INTO teams (id) VALUES (1);
CREATE VIEW user_nicknames AS SELECT id, nickname FROM users;
-- The backfill blocks every reader of users until the migration commits; reported once per file.
UPDATE users SET nickname = name; -- expect: statement-after-access-exclusive-lock
CREATE INDEX users_nickname_idx ON users (nickname); -- expect: require-concurrent-index-creation
