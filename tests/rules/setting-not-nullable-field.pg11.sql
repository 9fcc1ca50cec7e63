-- fixture: pg_version=11
-- Before PostgreSQL 12 SET NOT NULL always scans, validated check or not.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
ALTER TABLE accounts ALTER COLUMN email SET NOT NULL; -- expect: setting-not-nullable-field, require-lock-timeout, require-statement-timeout
ALTER TABLE accounts ALTER COLUMN email DROP DEFAULT; -- expect: combine-alter-table
