-- ban-drop-column
ALTER TABLE users DROP COLUMN legacy_flags; -- expect: ban-drop-column, require-lock-timeout
ALTER TABLE IF EXISTS app.users DROP COLUMN IF EXISTS old_name CASCADE; -- expect: ban-drop-column
ALTER TABLE users ADD COLUMN nickname text, DROP COLUMN nick; -- expect: ban-drop-column

-- Near misses: dropping other things, and a column of a table this migration created.
ALTER TABLE users DROP CONSTRAINT users_nick_check;
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT;
CREATE TABLE drafts (id bigint, body text);
ALTER TABLE drafts DROP COLUMN body;
