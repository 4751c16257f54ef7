-- Redshift's physical table design (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP) has no
-- PostgreSQL meaning: the dialect strips it from CREATE TABLE and records it here through a
-- Followup (CALL redshift.record_table_design), so the system views show what was declared.
-- Keyed by the table's oid: a dropped table's row no longer joins pg_class and is pruned on the next record.
create schema if not exists redshift;

create table redshift.table_design (
  reloid           oid         primary key,
  diststyle        text        not null check (diststyle in ('AUTO', 'EVEN', 'KEY', 'ALL')),
  distkey          text,
  sortkey_kind     text        check (sortkey_kind in ('COMPOUND', 'INTERLEAVED', 'AUTO')),
  sortkeys         text[]      not null default '{}',
  backup           boolean     not null default true,
  encodings        jsonb       not null default '{}',
  -- svv_table_info.unsorted: rows inserted or updated after this count of pg_stat inserts+updates
  -- are unsorted until the next sorting VACUUM.
  sorted_through   bigint      not null default 0,
  last_vacuum      timestamptz,
  recorded_at      timestamptz not null default now()
);

create function redshift.changed_rows(table_oid oid) returns bigint
  language sql stable as $$
  select coalesce((select n_tup_ins + n_tup_upd from pg_stat_all_tables where relid = table_oid), 0) $$;

-- Followup of CREATE TABLE. Security definer so any role that can create a table can record its
-- design, but only for a table it owns.
create procedure redshift.record_table_design(
  table_oid regclass, diststyle text, distkey text, sortkey_kind text, sortkeys text[],
  backup boolean, encodings text[], only_if_new boolean)
  language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  -- The caller resolves the name ('t'::regclass) with its own search_path, as its CREATE TABLE did.
  if not pg_has_role(session_user, (select relowner from pg_class where oid = table_oid), 'USAGE') then
    raise exception 'permission denied: % is not owned by %', table_oid, session_user using errcode = '42501';
  end if;
  delete from redshift.table_design d where not exists (select 1 from pg_class c where c.oid = d.reloid);
  if only_if_new and exists (select 1 from redshift.table_design where reloid = table_oid) then return; end if;
  insert into redshift.table_design (reloid, diststyle, distkey, sortkey_kind, sortkeys, backup, encodings)
  values (table_oid, upper(diststyle), distkey, upper(sortkey_kind), coalesce(sortkeys, '{}'), backup,
          coalesce((select jsonb_object_agg(encodings[i][1], encodings[i][2]) from generate_subscripts(encodings, 1) i), '{}'))
  on conflict (reloid) do update set
    diststyle = excluded.diststyle, distkey = excluded.distkey, sortkey_kind = excluded.sortkey_kind,
    sortkeys = excluded.sortkeys, backup = excluded.backup, encodings = excluded.encodings,
    sorted_through = 0, last_vacuum = null, recorded_at = now();
end $$;

-- Followup of a sorting VACUUM (FULL, SORT ONLY, REINDEX, RECLUSTER): what is there now counts as sorted.
create procedure redshift.record_vacuum(table_oid regclass)
  language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
begin
  insert into redshift.table_design (reloid, diststyle, sorted_through, last_vacuum)
  select c.oid, 'AUTO', redshift.changed_rows(c.oid), now()
  from pg_class c
  where c.relkind in ('r', 'p') and (table_oid is null or c.oid = table_oid::oid)
    and c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'redshift'::regnamespace)
    and pg_has_role(session_user, c.relowner, 'USAGE')
  on conflict (reloid) do update set sorted_through = excluded.sorted_through, last_vacuum = excluded.last_vacuum;
end $$;

-- The tables a user sees: their own schemas' tables they may select from, system schemas excluded.
create view redshift.user_tables as
select c.oid as reloid, n.nspname as schemaname, c.relname as tablename, c.relowner,
       coalesce(d.diststyle, 'AUTO') as diststyle, d.distkey, d.sortkey_kind,
       coalesce(d.sortkeys, '{}') as sortkeys, coalesce(d.encodings, '{}') as encodings,
       coalesce(d.sorted_through, 0) as sorted_through
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join redshift.table_design d on d.reloid = c.oid
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema', 'redshift', 'pg_toast')
  and n.nspname not like 'pg_temp%' and n.nspname not like 'pg_toast_temp%'
  and has_table_privilege(c.oid, 'select');

-- SVV_TABLE_INFO: one row per non-empty user table (Redshift omits empty ones). size is in 1 MB
-- blocks; tbl_rows counts rows not yet vacuumed away; unsorted and stats_off are percentages.
create view redshift.svv_table_info as
select current_database()::text as database,
       t.schemaname::text as schema,
       t.reloid::bigint as table_id,
       t.tablename::text as "table",
       case when exists (select 1 from jsonb_each_text(t.encodings) e where e.value <> 'raw') then 'Y' else 'N' end as encoded,
       case t.diststyle when 'KEY' then 'KEY(' || t.distkey || ')'
                        when 'AUTO' then 'AUTO(EVEN)' else t.diststyle end as diststyle,
       case when cardinality(t.sortkeys) > 0 then
              case when t.sortkey_kind = 'INTERLEAVED' then 'INTERLEAVED(' || t.sortkeys[1] || ')' else t.sortkeys[1] end
            when t.sortkey_kind = 'AUTO' or t.sortkey_kind is null then 'AUTO(SORTKEY)' end as sortkey1,
       t.encodings ->> t.sortkeys[1] as sortkey1_enc,
       cardinality(t.sortkeys) as sortkey_num,
       ceil(pg_total_relation_size(t.reloid) / 1048576.0)::bigint as size,
       (s.n_live_tup + s.n_dead_tup)::numeric(38, 0) as tbl_rows,
       s.n_live_tup::numeric(38, 0) as estimated_visible_rows,
       case when cardinality(t.sortkeys) = 0 then null
            else round(least(100, 100.0 * greatest(0, redshift.changed_rows(t.reloid) - t.sorted_through)
                                 / greatest(s.n_live_tup, 1)), 2)::numeric(5, 2) end as unsorted,
       round(least(100, 100.0 * s.n_mod_since_analyze / greatest(s.n_live_tup, 1)), 2)::numeric(5, 2) as stats_off,
       pg_get_userbyid(t.relowner)::text as owner,
       greatest(s.last_vacuum, s.last_autovacuum) as last_vacuum
from redshift.user_tables t
join pg_stat_all_tables s on s.relid = t.reloid
where s.n_live_tup + s.n_dead_tup > 0;

-- PG_TABLE_DEF: columns of the tables in schemas on the search_path, with the recorded design.
create view redshift.pg_table_def as
select t.schemaname::name as schemaname,
       t.tablename::name as tablename,
       a.attname as "column",
       format_type(a.atttypid, a.atttypmod)::text as type,
       -- RAW shows as none, as in Redshift.
       coalesce(nullif(t.encodings ->> a.attname::text, 'raw'), 'none')::text as encoding,
       (t.diststyle = 'KEY' and t.distkey = a.attname::text) as distkey,
       coalesce(case when t.sortkey_kind = 'INTERLEAVED' then -array_position(t.sortkeys, a.attname::text)
                     else array_position(t.sortkeys, a.attname::text) end, 0) as sortkey,
       a.attnotnull as notnull
from redshift.user_tables t
join pg_attribute a on a.attrelid = t.reloid and a.attnum > 0 and not a.attisdropped
where pg_table_is_visible(t.reloid)
order by t.schemaname, t.tablename, a.attnum;

-- ANALYZE COMPRESSION: the encoding Redshift's rules pick per column type (sort key columns stay
-- raw). est_reduction_pct is not estimated (NULL): Sandbox stores PostgreSQL pages, not encoded blocks.
create function redshift.analyze_compression(table_name text, only_columns text[])
  returns table ("table" text, "column" text, encoding text, est_reduction_pct numeric(5, 2))
  language plpgsql stable as $$
declare
  table_oid oid;
begin
  if table_name is not null then
    table_oid := to_regclass(table_name);
    if table_oid is null then
      raise exception 'relation "%" does not exist', table_name using errcode = '42P01';
    end if;
  end if;
  return query
  select t.tablename::text, a.attname::text,
         case when a.attname::text = t.sortkeys[1] then 'raw'
              when a.atttypid in ('boolean'::regtype, 'real'::regtype, 'double precision'::regtype) then 'raw'
              when a.atttypid in ('smallint'::regtype, 'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype,
                                  'date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype) then 'az64'
              when a.atttypid in ('text'::regtype, 'character varying'::regtype, 'character'::regtype) then 'lzo'
              else 'raw' end,
         null::numeric(5, 2)
  from redshift.user_tables t
  join pg_attribute a on a.attrelid = t.reloid and a.attnum > 0 and not a.attisdropped
  where (table_oid is null or t.reloid = table_oid)
    and (only_columns is null or a.attname::text = any (only_columns))
  order by t.schemaname, t.tablename, a.attnum;
end $$;

grant select on redshift.svv_table_info, redshift.pg_table_def to public;
grant execute on all functions in schema redshift to public;
grant execute on all procedures in schema redshift to public;
