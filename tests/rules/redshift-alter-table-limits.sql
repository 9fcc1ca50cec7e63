-- fixture: dialect=redshift
-- Flyway's Redshift parser runs ALTER COLUMN outside a transaction, so the first other statement is a mixture too.
ALTER TABLE sales ALTER COLUMN amount TYPE decimal(14, 2); -- expect: redshift-alter-table-limits
ALTER TABLE sales ALTER COLUMN region SET NOT NULL; -- expect: redshift-alter-table-limits
ALTER TABLE sales ALTER COLUMN region SET DEFAULT 'eu'; -- expect: redshift-alter-table-limits
ALTER TABLE sales ADD COLUMN channel varchar(20) NOT NULL; -- expect: redshift-alter-table-limits, adding-required-field, mixed-transactional-statements
ALTER TABLE sales ADD COLUMN a int, ADD COLUMN b int; -- expect: redshift-alter-table-limits

-- Near misses: what Redshift's ALTER TABLE does.
ALTER TABLE sales ALTER COLUMN note TYPE varchar(500);
ALTER TABLE sales ADD COLUMN channel2 varchar(20) NOT NULL DEFAULT 'web';
ALTER TABLE sales ADD COLUMN c int ENCODE az64;
ALTER TABLE sales RENAME COLUMN c TO d; -- expect: renaming-column
CREATE TABLE app_notes (id int, body varchar(200));
ALTER TABLE app_notes ALTER COLUMN body TYPE varchar(100); -- expect: redshift-alter-table-limits
ALTER TABLE app_notes ALTER COLUMN body TYPE varchar(400);
