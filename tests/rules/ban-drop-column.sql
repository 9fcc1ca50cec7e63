-- ban-drop-column
ALTER TABLE users DROP COLUMN legacy_flags; -- expect: ban-drop-column, require-lock-timeout, require-statement-timeout
ALTER TABLE IF EXISTS app.users DROP COLUMN IF EXISTS old_name CASCADE; -- expect: ban-drop-column, combine-alter-table
ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN nick; -- expect: ban-drop-column, combine-alter-table

-- Near misses: dropping other things, and a column of a table this migration created.
ALTER TABLE users DROP CONSTRAINT users_nick_check; -- expect: ban-drop-constraint, combine-alter-table
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT; -- expect: combine-alter-table
CREATE TABLE drafts (id bigint, body text);
ALTER TABLE drafts DROP COLUMN body;
