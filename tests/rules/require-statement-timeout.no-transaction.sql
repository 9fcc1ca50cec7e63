-- fixture: no-transaction
-- Outside a transaction SET LOCAL does nothing; inside an explicit BEGIN it lasts until COMMIT.
SET LOCAL statement_timeout = '30s';
SET lock_timeout = '5s';
BEGIN;
SET LOCAL statement_timeout = '30s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
ALTER TABLE users ADD COLUMN handle text; -- expect: require-statement-timeout, combine-alter-table
