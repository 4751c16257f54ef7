-- What the loader records beyond 0002: the full reconciliation of each COPY (lines = inserted +
-- duplicates + bad) and whether it was a replay from the error prefix.
alter table load_commits
  add column lines           bigint not null default 0,
  add column rows_duplicate  bigint not null default 0,
  add column rows_bad        bigint not null default 0,
  add column kind            text   not null default 'load' check (kind in ('load', 'replay'));

-- Where a bad line came from (s3://bucket/key:line). Unique so that replaying a manifest whose
-- objects were already loaded records each bad line once, as event_id does for good ones.
alter table bad_events add column line_ref text;
create unique index bad_events_line_ref on bad_events (line_ref);
