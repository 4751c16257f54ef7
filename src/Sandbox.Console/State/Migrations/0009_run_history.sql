-- Every statement run through the console (editor runs, downloads, results.json|csv|parquet,
-- refreshes, widgets): when, who, where, how long, how many rows and how it ended.
create table console.run_history (
  id bigserial primary key,
  query_id integer references console.saved_queries on delete set null,
  user_id integer references console.users on delete set null,
  user_name text,
  source text not null,
  kind text not null,
  started_at timestamptz not null,
  duration_ms bigint not null,
  row_count bigint not null,
  status text not null check (status in ('done', 'failed', 'cancelled')),
  error text);
create index run_history_query on console.run_history (query_id, id desc);
create index run_history_user on console.run_history (user_id, id desc);

-- As migration 0004: the warehouse's default privileges granted this and 0008's query_versions
-- to analyst and sandbox_delivery; take every grant on the console schema back.
do $$
declare
  role text;
begin
  foreach role in array array['analyst', 'sandbox_delivery'] loop
    if exists (select from pg_roles where rolname = role) then
      execute format('revoke all on all tables in schema console from %I', role);
      execute format('revoke all on all sequences in schema console from %I', role);
    end if;
  end loop;
end $$;
