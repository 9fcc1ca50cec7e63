-- fixture: pg_version=10
-- Before PostgreSQL 11 every non-null default rewrites the table.
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new'; -- expect: adding-field-with-volatile-default, require-lock-timeout, require-statement-timeout
ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now(); -- expect: adding-field-with-volatile-default, combine-alter-table
ALTER TABLE orders ADD COLUMN note text DEFAULT NULL; -- expect: combine-alter-table
ALTER TABLE orders ADD COLUMN memo text; -- expect: combine-alter-table
