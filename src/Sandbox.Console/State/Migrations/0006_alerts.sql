-- Alerts on saved queries (issue #15 item 4): a condition on a column of the first row, evaluated
-- after each refresh made with the alert's values (the schedule's, else the saved defaults).
create table console.alerts (
  id serial primary key,
  query_id integer not null references console.saved_queries on delete cascade,
  owner_id integer not null references console.users,
  name text not null check (length(name) between 1 and 200),
  column_name text not null,
  op text not null check (op in ('>', '<', '=', 'changed')),
  threshold text,
  notify text not null check (notify in ('once', 'always', 'every')),
  notify_every_minutes integer check (notify_every_minutes between 1 and 10080),
  state text not null default 'unknown' check (state in ('unknown', 'ok', 'triggered', 'error')),
  reason text,
  last_value text,
  last_evaluated_at timestamptz,
  last_notified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((op = 'changed') = (threshold is null)),
  check ((notify = 'every') = (notify_every_minutes is not null)));
create index alerts_query on console.alerts (query_id);

-- Every evaluation that changed something or notified, and what the delivery said: nothing is lost silently.
create table console.alert_events (
  id bigserial primary key,
  alert_id integer not null references console.alerts on delete cascade,
  run_id bigint references console.query_runs on delete set null,
  state text not null,
  value text,
  message text not null,
  notified boolean not null default false,
  delivery text,
  at timestamptz not null default now());
create index alert_events_alert on console.alert_events (alert_id, id desc);
