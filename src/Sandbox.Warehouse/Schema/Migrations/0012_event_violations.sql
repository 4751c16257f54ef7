-- Load what Redshift would load (issue #12 item 5): an event with a storable envelope is loaded
-- whatever the tracking plan says; its violations are recorded here, keyed by event_id, for the
-- release guard and the console. Only lines COPY cannot store go to bad_events / stl_load_errors.
-- No foreign key to events: Redshift enforces none, and the loader inserts a violation only for an
-- event it finds in events (in the same transaction).
create table event_violations (
  event_id     text        not null,
  type         text        not null,  -- required_property_missing, wrong_type, unplanned_event, ...
  path         text        not null,  -- a JSON path such as $.properties.query
  message      text        not null,
  recorded_at  timestamptz not null default now(),
  primary key (event_id, type, path)
);
create index event_violations_type_path on event_violations (type, path);

-- The pipeline only appends (and reads back for the guard's counts); people read it (default privileges).
revoke update, delete on event_violations from sandbox_delivery;

-- The loader reads back the lines its COPY rejected by file name.
create index load_error_log_filename on redshift.load_error_log (filename);
