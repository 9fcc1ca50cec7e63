-- Email addresses, added in steps that never hold a blocking lock on accounts for long.
-- Give up rather than queue every other query behind a lock that a long transaction holds.
SET lock_timeout = '5s';

ALTER TABLE ${app_schema}.accounts ADD COLUMN email text;

UPDATE ${app_schema}.accounts SET email = lower(name) || '@example.com' WHERE email IS NULL;

-- NOT VALID checks new rows only; a later migration validates the old ones and then sets NOT NULL.
ALTER TABLE ${app_schema}.accounts ADD CONSTRAINT accounts_email_present CHECK (email IS NOT NULL) NOT VALID;
