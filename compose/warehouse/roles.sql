-- The warehouse's login roles (README, "The warehouse's roles and passwords"), run by a superuser at every
-- `make up` (native: compose/native/lib/warehouse.sh; compose: warehouse-init.sh) with the
-- passwords generated under .sandbox/ passed as psql variables, never stored in this repository:
--   :'admin_password' :'delivery_password' :'analyst_password' :'analyst_timeout'
-- Idempotent: re-running it resets each role's attributes and password to these values.
-- Table rights come from warehouse migration 0004 (run by sandbox_admin in each database).
\set ON_ERROR_STOP on
set client_min_messages = warning;   -- no "already a member" notices at every make up

select format('create role %I', name)
from unnest(array['sandbox_admin', 'sandbox_delivery', 'analyst']) as name
where not exists (select from pg_roles where rolname = name) \gexec

-- Bootstrap, migrations, tests' throwaway databases, VACUUM: owns the warehouse database, may create
-- databases, and may end other roles' sessions (DROP DATABASE ... WITH (FORCE) of a throwaway
-- database the pipeline still holds open). Not a superuser: no COPY TO/FROM PROGRAM, no files.
alter role sandbox_admin login createdb nosuperuser nocreaterole noreplication nobypassrls password :'admin_password';
grant pg_signal_backend to sandbox_admin;

-- The pipeline: loads only (grants in migration 0004).
alter role sandbox_delivery login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'delivery_password';
-- The admin acts for it where PostgreSQL asks for the owner: default privileges on the app.* tables
-- the sync creates (so analyst can read them), VACUUM of those tables.
grant sandbox_delivery to sandbox_admin;

-- People and their tools: read-only (SELECT grants only, migration 0004), and no query runs away
-- with the warehouse.
alter role analyst login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password :'analyst_password';
alter role analyst set statement_timeout = :'analyst_timeout';

select 'create database warehouse owner sandbox_admin'
where not exists (select from pg_database where datname = 'warehouse') \gexec
alter database warehouse owner to sandbox_admin;
