-- setting-not-nullable-field
ALTER TABLE users ALTER COLUMN email SET NOT NULL; -- expect: setting-not-nullable-field, require-lock-timeout, require-statement-timeout
ALTER TABLE app.users ALTER COLUMN name TYPE text, ALTER COLUMN name SET NOT NULL; -- expect: setting-not-nullable-field, combine-alter-table
ALTER TABLE orders ADD CONSTRAINT orders_note_fk FOREIGN KEY (note_id) REFERENCES notes (id) NOT VALID; -- expect: statement-after-access-exclusive-lock
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_fk; -- expect: constraint-validated-in-same-migration
ALTER TABLE orders ALTER COLUMN note_id SET NOT NULL; -- expect: setting-not-nullable-field

-- Near misses: a validated CHECK (col IS NOT NULL) earlier in the file, DROP NOT NULL, a new table.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE shops ADD CONSTRAINT shops_owner_present CHECK (owner_id IS NOT NULL AND name IS NOT NULL); -- expect: constraint-missing-not-valid
ALTER TABLE shops ALTER COLUMN owner_id SET NOT NULL; -- expect: combine-alter-table
ALTER TABLE users ALTER COLUMN nickname SET DEFAULT ''; -- expect: combine-alter-table
CREATE TABLE teams (id bigint, name text);
ALTER TABLE teams ALTER COLUMN name SET NOT NULL;
