-- Schedules, background runs (with a lease the worker renews) and the result cache (issue #14 item 7).

-- A saved query refreshed every N minutes or daily at HH:MM in a time zone, with the parameter
-- values it runs with (the same values its alerts are evaluated with).
create table console.schedules (
  query_id integer primary key references console.saved_queries on delete cascade,
  every_minutes integer check (every_minutes between 1 and 10080),
  daily_at time,
  time_zone text not null default 'Asia/Tokyo',
  parameter_values jsonb not null default '{}',
  next_run_at timestamptz not null,
  updated_by integer not null references console.users,
  updated_at timestamptz not null default now(),
  check ((every_minutes is null) <> (daily_at is null)));
create index schedules_due on console.schedules (next_run_at);

-- What a query returned for one set of parameter values, kept so readers need not run it again.
-- sql_hash ties it to the SQL it came from: an edited query does not serve its old results.
create table console.query_results (
  id bigserial primary key,
  query_id integer not null references console.saved_queries on delete cascade,
  values_key text not null,
  sql_hash text not null,
  columns jsonb not null,
  rows jsonb not null,
  row_count bigint not null,
  truncated boolean not null,
  runtime_ms bigint not null,
  retrieved_at timestamptz not null default now());
create index query_results_latest on console.query_results (query_id, values_key, retrieved_at desc);

-- A refresh: queued, then running on one worker that renews lease_until while it works; a run
-- whose lease ran out is failed with the reason (its worker died) instead of staying "running".
create table console.query_runs (
  id bigserial primary key,
  query_id integer not null references console.saved_queries on delete cascade,
  parameter_values jsonb not null default '{}',
  values_key text not null,
  trigger text not null check (trigger in ('schedule', 'api', 'editor')),
  requested_by integer references console.users,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  reason text,
  worker text,
  lease_until timestamptz,
  heartbeat_at timestamptz,
  result_id bigint references console.query_results on delete set null,
  queued_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  check ((state = 'failed') = (reason is not null)));
create index query_runs_open on console.query_runs (state, queued_at) where state in ('queued', 'running');
create index query_runs_query on console.query_runs (query_id, id desc);
