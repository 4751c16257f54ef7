-- STL_LOAD_COMMITS and STL_LOAD_ERRORS with Redshift's columns. The endpoint's COPY writes one row
-- per loaded file / rejected line into the tables below; the views add what the pipeline's own
-- loader has recorded since 0002/0003 (public.load_commits per manifest, public.bad_events per line).
create schema if not exists redshift;

create table redshift.load_commit_log (
  id            bigserial   primary key,
  userid        integer     not null default 0,
  query         bigint      not null,
  slice         integer     not null default 0,
  name          text        not null,            -- the table loaded
  filename      text        not null,            -- s3://bucket/key of the file
  byte_offset   bigint      not null default 0,
  lines_scanned bigint      not null,
  errors        bigint      not null default 0,
  curtime       timestamp   not null default (now() at time zone 'UTC'),
  status        integer     not null default 1,
  file_format   text        not null,            -- Json, Text (CSV/delimited)
  is_partial    integer     not null default 0,
  start_offset  bigint      not null default 0,
  copy_job_id   bigint      not null default 0
);

create table redshift.load_error_log (
  id              bigserial   primary key,
  userid          integer     not null default 0,
  slice           integer     not null default 0,
  tbl             bigint      not null default 0,  -- the table's oid
  starttime       timestamp   not null default (now() at time zone 'UTC'),
  session         integer     not null default 0,
  query           bigint      not null,
  filename        text        not null,
  line_number     bigint      not null,
  colname         text        not null default '',
  type            text        not null default '',
  col_length      text        not null default '',
  position        integer     not null default 0,
  raw_line        text        not null,
  raw_field_value text        not null default '',
  err_code        integer     not null,            -- Redshift's load error codes (1200-1224, 8001, ...)
  err_reason      text        not null,
  is_partial      integer     not null default 0,
  start_offset    bigint      not null default 0,
  copy_job_id     bigint      not null default 0
);
create index load_error_log_query on redshift.load_error_log (query);

-- Redshift widths: name/filename char(256), raw_line/raw_field_value char(1024), err_reason char(100).
create view redshift.stl_load_commits as
select userid, query, slice, left(name, 256) as name, left(filename, 256) as filename, byte_offset,
       lines_scanned, errors, curtime, status, file_format, is_partial, start_offset, copy_job_id
from redshift.load_commit_log
union all
select 0, -c.id, 0, 'events', left('manifest:' || c.manifest_key, 256), 0,
       c.lines, c.rows_bad, c.committed_at at time zone 'UTC', 1, 'Json', 0, 0, 0
from public.load_commits c;

-- The loader's tracking-plan violation types, mapped to the nearest Redshift load error code.
create function redshift.load_error_code(violation_type text) returns integer
  language sql immutable parallel safe as $$
  select case violation_type
    when 'malformed_json' then 1216          -- input line is not valid
    when 'bad_envelope' then 1216
    when 'unplanned_event' then 1216
    when 'required_property_missing' then 1213 -- a NOT NULL field contained no data
    when 'wrong_type' then 1223              -- invalid data type
    when 'additional_property' then 1202     -- more columns than the DDL defines
    when 'unstorable_value' then 1220        -- invalid or unsupported UTF-8 code points
    else 1200 end $$;

create view redshift.stl_load_errors as
select userid, slice, tbl, starttime, session, query, left(filename, 256) as filename, line_number,
       left(colname, 127) as colname, type, col_length, position, left(raw_line, 1024) as raw_line,
       left(raw_field_value, 1024) as raw_field_value, err_code, left(err_reason, 100) as err_reason,
       is_partial, start_offset, copy_job_id
from redshift.load_error_log
union all
-- bad_events.line_ref is 's3://bucket/key:line' (or 'generator:...:line').
select 0, 0, coalesce(to_regclass('public.events')::oid::bigint, 0), b.received_at at time zone 'UTC', 0, -b.id,
       left(regexp_replace(coalesce(b.line_ref, b.source), ':[0-9]+$', ''), 256),
       coalesce(substring(b.line_ref from ':([0-9]+)$')::bigint, 0),
       left(coalesce(b.violations -> 0 ->> 'path', ''), 127), '', '', 0,
       left(b.raw, 1024), '',
       redshift.load_error_code(b.violations -> 0 ->> 'type'),
       left(coalesce(b.violations -> 0 ->> 'type', 'unknown') || ': ' || coalesce(b.violations -> 0 ->> 'message', ''), 100),
       0, 0, 0
from public.bad_events b;

grant select on redshift.stl_load_commits, redshift.stl_load_errors to public;
grant execute on all functions in schema redshift to public;

-- The endpoint's COPY runs as the delivery role (compose/warehouse/roles.sql) when that role exists.
do $$ begin
  if exists (select 1 from pg_roles where rolname = 'sandbox_delivery') then
    grant insert, select on redshift.load_commit_log, redshift.load_error_log to sandbox_delivery;
    grant usage on sequence redshift.load_commit_log_id_seq, redshift.load_error_log_id_seq to sandbox_delivery;
  end if;
end $$;
