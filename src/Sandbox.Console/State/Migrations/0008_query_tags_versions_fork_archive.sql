-- Saved queries gain tags, versions, forks and an archive (issue #14 item 4).
alter table console.saved_queries
  add column tags text[] not null default '{}',
  add column version integer not null default 1,
  add column forked_from integer references console.saved_queries on delete set null,
  add column archived_at timestamptz;
create index saved_queries_tags on console.saved_queries using gin (tags);

-- Every save of a query (the first included): what it said then, who saved it and when. The
-- current text is the highest version; older ones stay readable.
create table console.query_versions (
  query_id integer not null references console.saved_queries on delete cascade,
  version integer not null,
  name text not null,
  description text not null,
  sql text not null,
  parameters jsonb not null,
  source text not null,
  tags text[] not null,
  saved_by integer references console.users on delete set null,
  saved_at timestamptz not null default now(),
  primary key (query_id, version));
insert into console.query_versions (query_id, version, name, description, sql, parameters, source, tags, saved_by, saved_at)
select id, 1, name, description, sql, parameters, source, tags, owner_id, updated_at from console.saved_queries;
-- Its grants to analyst and sandbox_delivery are taken back by migration 0009 (with run_history's).
