-- The Redshift endpoint's statement log (sandbox-redshift writes it, batched, over its own
-- connection) and the Redshift system views over it. Schema `redshift` holds Redshift's system
-- views and functions and sits on the search_path after public, so `select * from stl_query` works
-- unqualified as on a cluster.
create schema if not exists redshift;

do $$
begin
  execute format('alter database %I set search_path = "$user", public, redshift', current_database());
end $$;

create table redshift.query_log (
  query      bigserial primary key,
  userid     int,
  username   text not null,
  pid        int not null,
  database   text not null,
  querytxt   text not null,       -- as the client sent it (before the dialect rewrite), first 4000 characters
  label      text not null default 'default',
  starttime  timestamp not null,  -- UTC, as on Redshift
  endtime    timestamp not null,
  rows       bigint not null default 0,
  aborted    int not null default 0 check (aborted in (0, 1)));
create index query_log_starttime on redshift.query_log (starttime);

-- STL_QUERY: Redshift's columns; xid is not tracked (0); rows are in redshift.query_log.
create view redshift.stl_query as
select userid, query::int as query, label::char(320) as label, 0::bigint as xid, pid,
       database::char(32) as database, querytxt::char(4000) as querytxt, starttime, endtime, aborted,
       0 as insert_pristine, 0 as concurrency_scaling_status
from redshift.query_log;

-- STV_RECENTS: what runs now (PostgreSQL's view of its client backends, the rewritten text) and
-- the last 100 statements done.
create view redshift.stv_recents as
select r.oid::int as userid, 'Running'::char(20) as status,
       (a.query_start at time zone 'UTC')::timestamp as starttime,
       (extract(epoch from clock_timestamp() - a.query_start) * 1000000)::int as duration,
       a.usename::char(50) as user_name, a.datname::char(50) as db_name,
       left(a.query, 600)::char(600) as query, a.pid
from pg_stat_activity a
left join pg_roles r on r.rolname = a.usename
where a.state = 'active' and a.backend_type = 'client backend'
  and a.application_name is distinct from 'sandbox-redshift query log'
union all
select * from (
  select userid, 'Done'::char(20), starttime, (extract(epoch from endtime - starttime) * 1000000)::int,
         username::char(50), database::char(50), left(querytxt, 600)::char(600), pid
  from redshift.query_log
  order by query desc
  limit 100) done;

-- People and tools (the read-only analyst role, when the roles migration made it) read the views.
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'analyst') then
    grant usage on schema redshift to analyst;
    grant select on redshift.stl_query, redshift.stv_recents to analyst;
  end if;
end $$;
