-- Least rights per role. The roles themselves, with their
-- passwords, are made by `make up` (compose/warehouse/roles.sql) before bootstrap runs this as the
-- migrating role (sandbox_admin), in the warehouse and in every throwaway database alike.
do $$
begin
  if not exists (select from pg_roles where rolname = 'sandbox_delivery')
     or not exists (select from pg_roles where rolname = 'analyst') then
    raise exception 'the roles sandbox_delivery and analyst do not exist on this server: `make up` creates them (compose/warehouse/roles.sql) before bootstrap migrates';
  end if;
end $$;

-- Nobody but the owner creates objects in public (PostgreSQL 15's default, stated for older servers).
revoke create on schema public from public;
grant usage on schema public to sandbox_delivery, analyst;

-- The pipeline (sandbox_delivery): the loader inserts events, bad lines and its commit log (reading
-- them back for exactly-once and reconciliation), and upserts the per-minute delivery metrics.
-- Its staging table is temporary (TEMP on the database, which PUBLIC has by default).
grant select, insert on events, bad_events, load_commits to sandbox_delivery;
grant select, insert, update on delivery_metrics to sandbox_delivery;
grant usage on all sequences in schema public to sandbox_delivery;

-- People (analyst): read everything, write nothing.
grant select on all tables in schema public to analyst;

-- Tables and schemas later migrations create (public, app, redshift...): analyst reads them, the
-- pipeline loads them. A migration that wants less for the pipeline revokes it there.
alter default privileges grant usage on schemas to sandbox_delivery, analyst;
alter default privileges grant select on tables to analyst;
alter default privileges grant select, insert, update, delete on tables to sandbox_delivery;
alter default privileges grant usage, select on sequences to sandbox_delivery;
