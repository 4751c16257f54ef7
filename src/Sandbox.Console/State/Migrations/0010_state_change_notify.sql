-- Every console process keeps API keys, saved queries, group access and the newest result id of each
-- cached result in memory (issue #14's 50 API clients). A change to any table those lookups read
-- notifies every console listening on channel console_state (State/StateChangeListener.cs), which
-- then drops what it kept; the process that made the change drops it itself before it answers.
create or replace function console.notify_state_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('console_state', tg_table_name);
  return null;
end $$;
revoke all on function console.notify_state_change() from public;

do $$
declare
  watched text;
begin
  foreach watched in array array['users', 'api_keys', 'saved_queries', 'groups', 'group_members', 'group_data_sources', 'query_results'] loop
    execute format('create trigger %I after insert or update or delete or truncate on console.%I '
                   'for each statement execute function console.notify_state_change()', watched || '_notify_state', watched);
  end loop;
end $$;
