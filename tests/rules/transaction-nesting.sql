-- transaction-nesting
BEGIN; -- expect: transaction-nesting
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout, require-statement-timeout
SAVEPOINT before_backfill;
UPDATE users SET nickname = name; -- expect: statement-after-access-exclusive-lock
ROLLBACK TO SAVEPOINT before_backfill;
RELEASE SAVEPOINT before_backfill;
COMMIT; -- expect: transaction-nesting
START TRANSACTION ISOLATION LEVEL SERIALIZABLE; -- expect: transaction-nesting
ROLLBACK; -- expect: transaction-nesting
END; -- expect: transaction-nesting
