-- combine-alter-table
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE billing.accounts ADD COLUMN plan text;
ALTER TABLE app.users ADD COLUMN nickname text; -- expect: statement-after-access-exclusive-lock
COMMENT ON COLUMN users.nickname IS 'shown in the header';
ALTER TABLE users ADD COLUMN avatar_url text; -- expect: combine-alter-table
ALTER TABLE app.users ALTER COLUMN nickname SET DEFAULT ''; -- expect: combine-alter-table
-- Near misses: the same name in another schema, a statement that uses the table in between, partitions,
-- VALIDATE alone, a table created in this migration.
ALTER TABLE app.accounts ADD COLUMN plan text;
UPDATE orders SET total = 0 WHERE total IS NULL;
ALTER TABLE orders ADD COLUMN total_cents bigint;
UPDATE orders SET total_cents = total * 100;
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_check CHECK (total_cents >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_check; -- expect: constraint-validated-in-same-migration
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE events DETACH PARTITION events_2019;
CREATE TABLE teams (id bigint);
ALTER TABLE teams ADD COLUMN name text;
ALTER TABLE teams ADD COLUMN owner_id bigint;
-- Near miss: the statement in between names the table in upper case (unquoted names fold to lower case).
ALTER TABLE invoices ADD COLUMN paid boolean;
UPDATE INVOICES SET paid = false WHERE paid IS NULL;
ALTER TABLE invoices ADD COLUMN note text;
-- Near miss: inside a DO block the ALTERs are in branches of which only one runs.
DO $$
BEGIN
  IF true THEN
    ALTER TABLE branches ALTER COLUMN name TYPE varchar;
  ELSE
    ALTER TABLE branches ALTER COLUMN name TYPE varchar;
  END IF;
END
$$;
