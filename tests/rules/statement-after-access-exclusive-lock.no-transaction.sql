-- fixture: no-transaction
-- Near misses: without a transaction every statement commits and releases its locks.
SET lock_timeout = '5s';
SET statement_timeout = '1min';
ALTER TABLE users ADD COLUMN nickname text;
UPDATE users SET nickname = name;
