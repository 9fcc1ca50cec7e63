-- Near misses: statement_timeout set first (SET LOCAL counts inside Flyway's transaction).
SET LOCAL statement_timeout = '30s';
ALTER TABLE users ADD COLUMN nickname text; -- expect: require-lock-timeout
TRUNCATE sessions; -- expect: ban-truncate, statement-after-access-exclusive-lock
-- RESET turns the timeout off again: the next lock-taking statement is unprotected.
RESET statement_timeout;
DROP TABLE legacy_orders; -- expect: require-statement-timeout, ban-drop-table
