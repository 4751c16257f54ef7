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

do $$
declare
  role text;
begin
  foreach role in array array['analyst', 'sandbox_delivery'] loop
    if exists (select from pg_roles where rolname = role) then
      execute format('revoke all on console.run_history from %I', role);
      execute format('revoke all on sequence console.run_history_id_seq from %I', role);
    end if;
  end loop;
end $$;
