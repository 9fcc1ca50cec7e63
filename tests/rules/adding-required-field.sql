-- adding-required-field
ALTER TABLE users ADD COLUMN status text NOT NULL; -- expect: adding-required-field, require-lock-timeout, require-statement-timeout
ALTER TABLE users ADD COLUMN IF NOT EXISTS tenant_id bigint NOT NULL REFERENCES tenants (id); -- expect: adding-required-field, combine-alter-table
ALTER TABLE users -- expect: combine-alter-table
    ADD COLUMN nickname text,
    ADD COLUMN code bigint PRIMARY KEY; -- expect: adding-required-field, disallowed-unique-constraint

-- Near misses: a default, nullable columns, values the column makes itself, a new table.
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true; -- expect: combine-alter-table
ALTER TABLE users ADD COLUMN note text; -- expect: combine-alter-table
ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY NOT NULL; -- expect: adding-field-with-volatile-default, combine-alter-table
ALTER TABLE users ADD COLUMN n bigserial NOT NULL; -- expect: adding-field-with-volatile-default, prefer-identity, combine-alter-table
ALTER TABLE users ALTER COLUMN note SET DEFAULT ''; -- expect: combine-alter-table
CREATE TABLE teams (id bigint PRIMARY KEY);
ALTER TABLE teams ADD COLUMN name text NOT NULL;
