-- ban-drop-not-null
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL; -- expect: ban-drop-not-null, require-lock-timeout, require-statement-timeout
ALTER TABLE app.orders ALTER COLUMN note DROP DEFAULT, ALTER note DROP NOT NULL; -- expect: ban-drop-not-null, combine-alter-table

-- Near misses: dropping a default, a constraint, and a column of a table this migration created.
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT; -- expect: combine-alter-table
ALTER TABLE orders DROP CONSTRAINT orders_note_check; -- expect: ban-drop-constraint, combine-alter-table
CREATE TABLE drafts (id bigint NOT NULL, body text NOT NULL);
ALTER TABLE drafts ALTER COLUMN body DROP NOT NULL;
