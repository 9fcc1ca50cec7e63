-- changing-column-type
ALTER TABLE events ALTER COLUMN id TYPE bigint; -- expect: changing-column-type, require-lock-timeout, require-statement-timeout
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb; -- expect: changing-column-type, combine-alter-table
ALTER TABLE events ALTER COLUMN tags TYPE text[]; -- expect: changing-column-type, combine-alter-table
ALTER TABLE users ADD COLUMN code varchar(20); -- expect: prefer-text-field, statement-after-access-exclusive-lock
ALTER TABLE users ALTER COLUMN code TYPE varchar(10); -- expect: changing-column-type, prefer-text-field, combine-alter-table
ALTER TABLE users ADD COLUMN price numeric(10, 2); -- expect: combine-alter-table
ALTER TABLE users ALTER COLUMN price TYPE numeric(12, 3); -- expect: changing-column-type, combine-alter-table
ALTER TABLE users ADD COLUMN rank bigint; -- expect: combine-alter-table
ALTER TABLE users ALTER COLUMN rank TYPE text; -- expect: changing-column-type, combine-alter-table

-- Near misses: binary-compatible widenings, unknown old types that may widen, a new table.
ALTER TABLE users ADD COLUMN name varchar(20); -- expect: prefer-text-field, combine-alter-table
ALTER TABLE users ALTER COLUMN name TYPE varchar(50); -- expect: prefer-text-field, combine-alter-table
ALTER TABLE users ALTER COLUMN name TYPE text; -- expect: combine-alter-table
ALTER TABLE users ALTER COLUMN price TYPE numeric(14, 3); -- expect: combine-alter-table
ALTER TABLE users ALTER COLUMN price TYPE numeric; -- expect: combine-alter-table
ALTER TABLE accounts ALTER COLUMN email TYPE text;
ALTER TABLE accounts ALTER COLUMN label TYPE varchar; -- expect: combine-alter-table
CREATE TABLE scratch (id int); -- expect: prefer-bigint-over-int
ALTER TABLE scratch ALTER COLUMN id TYPE bigint;
