-- fixture: dialect=redshift
-- Flyway's Redshift parser does not recognise these, so it runs the script in a transaction.
CREATE DATABASE analytics; -- expect: redshift-transaction-block
ALTER TABLE spectrum.sales ADD PARTITION (saledate='2024-01-01') LOCATION 's3://bucket/sales/2024-01-01/'; -- expect: redshift-transaction-block
GRANT SELECT ON EXTERNAL TABLE spectrum.sales TO GROUP analysts; -- expect: redshift-transaction-block
ALTER DATABASE analytics ISOLATION LEVEL SNAPSHOT; -- expect: redshift-transaction-block

-- Near misses: statements that run in a transaction.
CREATE TABLE events (id bigint) DISTSTYLE KEY DISTKEY (id);
INSERT INTO events VALUES (1);
GRANT SELECT ON events TO GROUP analysts;
