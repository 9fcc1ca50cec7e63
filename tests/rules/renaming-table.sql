-- renaming-table
ALTER TABLE customers RENAME TO clients; -- expect: renaming-table, require-lock-timeout, require-statement-timeout
ALTER TABLE IF EXISTS app.orders RENAME TO purchases; -- expect: renaming-table

-- Near misses: renaming a column, an index or a view, and a table this migration created.
ALTER INDEX orders_idx RENAME TO purchases_idx;
ALTER VIEW order_totals RENAME TO purchase_totals;
CREATE TABLE drafts (id bigint);
ALTER TABLE drafts RENAME TO notes;
