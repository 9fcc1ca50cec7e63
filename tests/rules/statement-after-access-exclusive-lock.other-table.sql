-- Waiting for another table's lock while holding the first one; an index build on the locked table.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE orders DROP CONSTRAINT orders_legacy_check; -- expect: ban-drop-constraint
ALTER TABLE invoices ADD COLUMN note text; -- expect: statement-after-access-exclusive-lock
