-- The events table: typed envelope columns (the tracking plan's common envelope) + typed
-- properties as jsonb. event_id is unique so at-least-once delivery still gives exactly-once rows.
create table events (
  event_id      text        primary key,
  event_name    text        not null,
  user_id       text,
  anonymous_id  text,
  session_id    text,
  event_time    timestamptz not null,
  received_at   timestamptz not null,
  platform      text,
  os_version    text,
  device_model  text,
  app_version   text,
  locale        text,
  properties    jsonb       not null default '{}'::jsonb,
  loaded_at     timestamptz not null default now()
);
-- BRIN for time ranges, btree for per-event funnels (docs/FACTS-LOCAL.md).
create index events_event_time_brin on events using brin (event_time);
create index events_name_time on events (event_name, event_time);

-- Records that failed the tracking plan or could not be parsed: never dropped.
create table bad_events (
  id            bigserial   primary key,
  raw           text        not null,
  violations    jsonb       not null,
  source        text        not null,
  received_at   timestamptz not null default now()
);
