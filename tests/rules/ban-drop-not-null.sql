-- ban-drop-not-null
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL; -- expect: ban-drop-not-null, require-lock-timeout
ALTER TABLE app.orders ALTER COLUMN note DROP DEFAULT, ALTER note DROP NOT NULL; -- expect: ban-drop-not-null

-- Near misses: dropping a default, a constraint, and a column of a table this migration created.
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT;
ALTER TABLE orders DROP CONSTRAINT orders_note_check;
CREATE TABLE drafts (id bigint NOT NULL, body text NOT NULL);
ALTER TABLE drafts ALTER COLUMN body DROP NOT NULL;
