-- statement_timeout = 0 (or '0s') means no timeout.
SET statement_timeout = '0s';
SET lock_timeout = '5s';
UPDATE users SET nickname = name;
ALTER TABLE users DROP COLUMN nickname; -- expect: require-statement-timeout, ban-drop-column
