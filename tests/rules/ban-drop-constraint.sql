-- ban-drop-constraint
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP CONSTRAINT orders_customer_fk; -- expect: ban-drop-constraint
ALTER TABLE app.users DROP CONSTRAINT IF EXISTS users_email_key CASCADE; -- expect: ban-drop-constraint, statement-after-access-exclusive-lock
-- Near misses: a table created in this migration, other drops, adding a constraint.
CREATE TABLE scratch (id bigint CONSTRAINT scratch_id_check CHECK (id > 0));
ALTER TABLE scratch DROP CONSTRAINT scratch_id_check;
ALTER TABLE orders ALTER COLUMN note DROP DEFAULT; -- expect: combine-alter-table
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID; -- expect: combine-alter-table
