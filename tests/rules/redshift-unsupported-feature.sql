-- fixture: dialect=redshift
CREATE INDEX sales_date ON sales (saledate); -- expect: redshift-unsupported-feature
CREATE SEQUENCE order_ids; -- expect: redshift-unsupported-feature
CREATE TYPE mood AS ENUM ('sad', 'happy'); -- expect: redshift-unsupported-feature
CREATE TABLE t1 (id serial, tags text[]); -- expect: redshift-unsupported-feature
CREATE TABLE t2 (id int, amount int CHECK (amount > 0)); -- expect: redshift-unsupported-feature
CREATE TABLE t3 (id int, day date) PARTITION BY RANGE (day); -- expect: redshift-unsupported-feature
CREATE TRIGGER audit AFTER INSERT ON sales FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: redshift-unsupported-feature
INSERT INTO t1 VALUES (nextval('order_ids')); -- expect: redshift-unsupported-feature
DROP INDEX sales_date; -- expect: redshift-unsupported-feature

-- Near misses: what Redshift has.
CREATE TABLE sales (id bigint IDENTITY(1, 1), saledate date ENCODE az64, doc super) DISTKEY (id) SORTKEY (saledate);
CREATE TABLE sales_copy (LIKE sales);
SELECT doc.items[0] FROM sales;
