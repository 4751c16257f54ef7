-- The console scheduler's own daily tasks (the KPI digest at 09:00 Asia/Tokyo): when each is next
-- due, and how its last run went. Taken with a row lock so two consoles never run one twice.
create table console.scheduled_tasks (
  name text primary key,
  next_run_at timestamptz not null,
  last_run_at timestamptz,
  last_state text check (last_state in ('done', 'failed')),
  last_message text);

-- Each person's lessons (issue #16): attempts, and when the lesson was first passed.
create table console.lesson_progress (
  user_id integer not null references console.users on delete cascade,
  lesson integer not null,
  attempts integer not null default 0,
  passed_at timestamptz,
  primary key (user_id, lesson));

-- Who changed what (issue #14 item 9): every write through the API, with its answer's status.
create table console.audit_log (
  id bigserial primary key,
  user_id integer references console.users on delete set null,
  user_name text,
  method text not null,
  path text not null,
  status integer not null,
  at timestamptz not null default now());
create index audit_log_at on console.audit_log (at desc);

-- Groups with Full or View-only access per data source (issue #14 item 9). A user in no group has
-- Full access (Redash's default group); a user in groups has the best access any of them gives.
create table console.groups (
  id serial primary key,
  name text not null unique check (length(name) between 1 and 100));
create table console.group_members (
  group_id integer not null references console.groups on delete cascade,
  user_id integer not null references console.users on delete cascade,
  primary key (group_id, user_id));
create table console.group_data_sources (
  group_id integer not null references console.groups on delete cascade,
  data_source text not null,
  access text not null check (access in ('full', 'view')),
  primary key (group_id, data_source));
