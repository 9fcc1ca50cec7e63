-- fixture: dialect=redshift
-- Near misses: the rule is about PostgreSQL's locks; the Redshift dialect leaves it out.
CREATE INDEX orders_customer_idx ON orders (customer_id);
DROP TABLE legacy_orders; -- expect: ban-drop-table
