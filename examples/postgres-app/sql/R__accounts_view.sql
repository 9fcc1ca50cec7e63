-- Repeatable: Flyway re-runs it whenever its checksum (taken after placeholder replacement) changes.
CREATE OR REPLACE VIEW ${app_schema}.active_accounts AS
SELECT id, name, email, created_at
FROM ${app_schema}.accounts
WHERE created_at > now() - interval '1 year';

CREATE OR REPLACE FUNCTION ${app_schema}.account_count() RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM ${app_schema}.accounts;
$$;
