-- How many distinct (user, UTC day) and (user, UTC day, app version) pairs events holds. Without these
-- the planner multiplies the columns' own distinct counts and expects almost every event to be its own
-- group, so the analytics' per-user-day aggregates (active users, retention, funnels, the release
-- check's version days) ran as one serial, spilling hash aggregate, or a sort, over the whole day.
-- With them they run as parallel partial aggregates (docs/BENCHMARKS.md, "Slack digest"). ANALYZE fills
-- them (autovacuum, or `sandbox warehouse maintain`); no data changes and loads do not pay for them.
create statistics events_user_day (ndistinct)
  on anonymous_id, ((event_time at time zone 'UTC')::date) from events;
create statistics events_user_day_version (ndistinct)
  on anonymous_id, ((event_time at time zone 'UTC')::date), app_version from events;
