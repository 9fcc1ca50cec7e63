-- fixture: no-transaction
-- Near misses: with executeInTransaction=false the script manages its own transactions.
BEGIN;
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout, require-statement-timeout
COMMIT;
