-- Redshift's JSON functions over VARCHAR JSON text, SUPER's JSON_PARSE, and MEDIAN
-- (a user-defined aggregate, so it works both as an aggregate and as a window function).

create function redshift.json_or_null(s text, null_if_invalid boolean) returns json
  language plpgsql immutable parallel safe as $$
begin
  return s::json;
exception when invalid_text_representation then
  if null_if_invalid then return null; end if;
  raise;
end $$;

-- JSON_EXTRACT_PATH_TEXT(json, path [, path ...] [, null_if_invalid]): NULL for a missing path.
create function redshift.json_extract_path_text(s text, variadic path text[]) returns text
  language sql immutable strict parallel safe as $$ select (s::json) #>> path $$;
create function redshift.json_extract_path_text(j json, variadic path text[]) returns text
  language sql immutable strict parallel safe as $$ select j #>> path $$;
create function redshift.json_extract_path_text(j jsonb, variadic path text[]) returns text
  language sql immutable strict parallel safe as $$ select j #>> path $$;
create function redshift.json_extract_path_text(s text, p1 text, null_if_invalid boolean) returns text
  language sql immutable parallel safe as $$ select redshift.json_or_null(s, null_if_invalid) #>> array[p1] $$;
create function redshift.json_extract_path_text(s text, p1 text, p2 text, null_if_invalid boolean) returns text
  language sql immutable parallel safe as $$ select redshift.json_or_null(s, null_if_invalid) #>> array[p1, p2] $$;
create function redshift.json_extract_path_text(s text, p1 text, p2 text, p3 text, null_if_invalid boolean) returns text
  language sql immutable parallel safe as $$ select redshift.json_or_null(s, null_if_invalid) #>> array[p1, p2, p3] $$;
create function redshift.json_extract_path_text(s text, p1 text, p2 text, p3 text, p4 text, null_if_invalid boolean) returns text
  language sql immutable parallel safe as $$ select redshift.json_or_null(s, null_if_invalid) #>> array[p1, p2, p3, p4] $$;
create function redshift.json_extract_path_text(s text, p1 text, p2 text, p3 text, p4 text, p5 text, null_if_invalid boolean) returns text
  language sql immutable parallel safe as $$ select redshift.json_or_null(s, null_if_invalid) #>> array[p1, p2, p3, p4, p5] $$;

-- JSON_EXTRACT_ARRAY_ELEMENT_TEXT(json, pos [, null_if_invalid]): '' for a negative or out-of-range pos.
create function redshift.json_extract_array_element_text(s text, pos integer, null_if_invalid boolean default false) returns text
  language sql immutable parallel safe as $$
  select case when j is null then null
              when pos < 0 or pos >= pg_catalog.json_array_length(j) then ''
              else j ->> pos end
  from (select redshift.json_or_null(s, null_if_invalid) as j) parsed $$;

-- JSON_ARRAY_LENGTH(json [, null_if_invalid]).
create function redshift.json_array_length(s text) returns integer
  language sql immutable strict parallel safe as $$ select pg_catalog.json_array_length(s::json) $$;
create function redshift.json_array_length(j json) returns integer
  language sql immutable strict parallel safe as $$ select pg_catalog.json_array_length(j) $$;
create function redshift.json_array_length(j jsonb) returns integer
  language sql immutable strict parallel safe as $$ select jsonb_array_length(j) $$;
create function redshift.json_array_length(s text, null_if_invalid boolean) returns integer
  language sql immutable parallel safe as $$ select pg_catalog.json_array_length(redshift.json_or_null(s, null_if_invalid)) $$;

create function redshift.is_valid_json(s text) returns boolean
  language plpgsql immutable strict parallel safe as $$
begin
  perform s::json;
  return true;
exception when invalid_text_representation then
  return false;
end $$;

create function redshift.is_valid_json_array(s text) returns boolean
  language sql immutable strict parallel safe
  as $$ select redshift.is_valid_json(s) and json_typeof(s::json) = 'array' $$;

-- SUPER is jsonb in Sandbox.
create function redshift.json_parse(s text) returns jsonb
  language sql immutable strict parallel safe as $$ select s::jsonb $$;

-- MEDIAN: integers and decimals give DECIMAL, floats give DOUBLE (Redshift's return types).
create function redshift.median_float(vals double precision[]) returns double precision
  language sql immutable parallel safe as $$
  select percentile_cont(0.5) within group (order by v) from unnest(vals) v $$;
-- The exact decimal median: the midpoint of the two middle values, computed in numeric and shown
-- with the scale Redshift's examples show (median of 10, 15, 20, 25 = 17.5; of 10, 10, 30 = 10.0).
create function redshift.median_numeric(vals numeric[]) returns numeric
  language sql immutable parallel safe as $$
  select round(m, greatest(scale(trim_scale(m)), 1)) from (select avg(v) as m from (
    select v, row_number() over (order by v) as rn, count(*) over () as n
    from unnest(vals) v where v is not null) ranked
  where rn in ((n + 1) / 2, (n + 2) / 2)) middle $$;

-- State: the values seen so far (NULLs skipped, as MEDIAN ignores them).
create function redshift.median_add_numeric(state numeric[], v anyelement) returns numeric[]
  language sql immutable parallel safe as $$ select case when v is null then state else state || v::numeric end $$;
create function redshift.median_add_float(state double precision[], v anyelement) returns double precision[]
  language sql immutable parallel safe as $$ select case when v is null then state else state || v::double precision end $$;

create aggregate redshift.median(numeric) (sfunc = redshift.median_add_numeric, stype = numeric[], finalfunc = redshift.median_numeric, initcond = '{}');
create aggregate redshift.median(bigint) (sfunc = redshift.median_add_numeric, stype = numeric[], finalfunc = redshift.median_numeric, initcond = '{}');
create aggregate redshift.median(integer) (sfunc = redshift.median_add_numeric, stype = numeric[], finalfunc = redshift.median_numeric, initcond = '{}');
create aggregate redshift.median(smallint) (sfunc = redshift.median_add_numeric, stype = numeric[], finalfunc = redshift.median_numeric, initcond = '{}');
create aggregate redshift.median(double precision) (sfunc = redshift.median_add_float, stype = double precision[], finalfunc = redshift.median_float, initcond = '{}');
create aggregate redshift.median(real) (sfunc = redshift.median_add_float, stype = double precision[], finalfunc = redshift.median_float, initcond = '{}');

grant execute on all functions in schema redshift to public;
