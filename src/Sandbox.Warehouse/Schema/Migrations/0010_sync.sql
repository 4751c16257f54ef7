-- The app (service) database's tables land in schema app, filled by `sandbox sync` (sync/*.yml);
-- the sync's own bookkeeping lives beside them.
create schema if not exists app;

-- One row per table per run: the traceability the old dumps lacked. A run's row is inserted as
-- 'running' and set to 'succeeded' in the transaction that commits its rows; a row left 'running'
-- by a killed process becomes 'abandoned' at the table's next run (nothing of it was committed).
create table app.sync_runs (
  run_id        bigserial   primary key,
  table_name    text        not null,
  source        text        not null,
  target        text        not null,
  mode          text        not null,
  status        text        not null default 'running'
                            check (status in ('running', 'succeeded', 'failed', 'abandoned')),
  rows_read     bigint      not null default 0,
  rows_written  bigint      not null default 0,
  rows_replaced bigint      not null default 0,
  cursor_before jsonb,
  cursor_after  jsonb,
  started_at    timestamptz not null default clock_timestamp(),
  finished_at   timestamptz,
  duration_ms   bigint,
  error         text
);
create index sync_runs_table_started on app.sync_runs (table_name, started_at desc);

-- The last record committed per table, written in the same transaction as the rows it covers:
-- a run killed at any point leaves data and cursor agreeing, so the next run neither repeats nor skips.
create table app.sync_state (
  table_name  text        primary key,
  target      text        not null,
  last_record jsonb       not null,
  run_id      bigint      not null references app.sync_runs (run_id),
  updated_at  timestamptz not null default now()
);
