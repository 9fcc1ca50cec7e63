ALTER TABLE ${app_schema}.accounts ADD COLUMN email text;

UPDATE ${app_schema}.accounts SET email = lower(name) || '@example.com' WHERE email IS NULL;

ALTER TABLE ${app_schema}.accounts ALTER COLUMN email SET NOT NULL;
ALTER TABLE ${app_schema}.accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
