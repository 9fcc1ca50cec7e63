-- Email addresses, added in steps that never hold a blocking lock on accounts for long.
-- Give up rather than queue every other query behind a lock that a long transaction holds,
-- and never keep the lock for long once it is granted.
SET lock_timeout = '5s';
SET statement_timeout = '30s';

-- One statement takes the lock once: the column, and a check that NOT VALID applies to new rows only.
-- The backfill of the old rows, then VALIDATE CONSTRAINT and SET NOT NULL, come in later migrations:
-- run here, the backfill would keep that lock, which blocks reads, until the migration commits.
ALTER TABLE ${app_schema}.accounts
    ADD COLUMN email text,
    ADD CONSTRAINT accounts_email_present CHECK (email IS NOT NULL) NOT VALID;
