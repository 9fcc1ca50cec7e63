-- fixture: dialect=redshift
-- Near misses: the rule is about PostgreSQL's locks; on Redshift an index is an error of its own.
CREATE INDEX orders_customer_idx ON orders (customer_id); -- expect: redshift-unsupported-feature
DROP TABLE legacy_orders; -- expect: ban-drop-table
