-- Accounts of the application, in the schema named by the ${app_schema} placeholder.
CREATE SCHEMA IF NOT EXISTS ${app_schema};

CREATE TABLE ${app_schema}.accounts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX accounts_created_at_idx ON ${app_schema}.accounts (created_at);
