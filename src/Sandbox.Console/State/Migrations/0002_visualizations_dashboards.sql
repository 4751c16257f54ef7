-- Visualizations saved with a query (one per query; none = chosen from the result's column types),
-- dashboards of widgets over saved queries, and which starter content was made.
create table console.query_visualizations (
  query_id integer primary key references console.saved_queries on delete cascade,
  spec jsonb not null,
  updated_at timestamptz not null default now());

create table console.dashboards (
  id serial primary key,
  owner_id integer not null references console.users,
  name text not null check (length(name) between 1 and 200),
  parameters jsonb not null default '[]',
  refresh_seconds integer check (refresh_seconds is null or refresh_seconds between 10 and 86400),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now());

-- A widget outlives its query: query_id turns null and query_name says which one was deleted.
create table console.dashboard_widgets (
  id serial primary key,
  dashboard_id integer not null references console.dashboards on delete cascade,
  query_id integer references console.saved_queries on delete set null,
  query_name text not null,
  position integer not null,
  width integer not null default 1 check (width in (1, 2)),
  parameter_map jsonb not null default '{}');
create index dashboard_widgets_dashboard on console.dashboard_widgets (dashboard_id, position);

create table console.starter_content (
  name text primary key,
  made_at timestamptz not null default now());
