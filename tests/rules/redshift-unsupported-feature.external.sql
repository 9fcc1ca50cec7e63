-- fixture: dialect=redshift
-- Near miss: Spectrum partitions belong to external tables, which Redshift supports.
CREATE EXTERNAL TABLE spectrum.sales_ext (id int) PARTITIONED BY (day date) STORED AS PARQUET LOCATION 's3://bucket/sales/';
