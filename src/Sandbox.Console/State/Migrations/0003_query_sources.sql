-- Which data source a saved query runs on: the warehouse (through the Redshift endpoint) or the lake
-- (DuckDB over the S3 archive, as `sandbox athena`) or the app database (MariaDB as RDS, read-only role).
alter table console.saved_queries add column source text not null default 'warehouse' check (source in ('warehouse', 'lake', 'appdb'));
