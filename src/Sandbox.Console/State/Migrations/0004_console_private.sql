-- The console's state (accounts, keys, queries, dashboards) is not the people's to read nor the
-- pipeline's to write: the warehouse's default privileges (warehouse migration 0004) grant every new
-- table to analyst and sandbox_delivery, so take those grants back here. A later console migration
-- that creates tables needs the same revoke.
do $$
declare
  role text;
begin
  foreach role in array array['analyst', 'sandbox_delivery'] loop
    if exists (select from pg_roles where rolname = role) then
      execute format('revoke all on all tables in schema console from %I', role);
      execute format('revoke all on all sequences in schema console from %I', role);
      execute format('revoke all on schema console from %I', role);
    end if;
  end loop;
end $$;
