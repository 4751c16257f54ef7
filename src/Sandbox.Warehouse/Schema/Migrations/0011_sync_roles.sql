-- Least rights for the sync, where the warehouse has the contract's roles (sandbox_delivery loads,
-- analyst reads): the sync creates and alters the app.* tables it fills (so it owns them) and
-- writes its bookkeeping; analysts read everything in app, including tables the sync creates later.
do $$
begin
  if exists (select from pg_roles where rolname = 'sandbox_delivery') then
    grant usage, create on schema app to sandbox_delivery;
    grant select, insert, update on app.sync_runs, app.sync_state to sandbox_delivery;
    grant usage on sequence app.sync_runs_run_id_seq to sandbox_delivery;
  end if;
  if exists (select from pg_roles where rolname = 'analyst') then
    grant usage on schema app to analyst;
    grant select on all tables in schema app to analyst;
    if exists (select from pg_roles where rolname = 'sandbox_delivery') then
      begin
        alter default privileges for role sandbox_delivery in schema app grant select on tables to analyst;
      exception when insufficient_privilege then
        raise warning 'app: the migrating role may not set sandbox_delivery''s default privileges; grant analyst select on new app tables by hand';
      end;
    end if;
  end if;
end
$$;
