-- fixture: dialect=redshift
ALTER TABLE sales DROP CONSTRAINT sales_pkey; -- expect: ban-drop-constraint
-- Near misses
ALTER TABLE sales ADD CONSTRAINT sales_pkey PRIMARY KEY (id); -- expect: redshift-constraint-not-enforced
ALTER TABLE sales DROP COLUMN legacy; -- expect: ban-drop-column
