-- Redshift's date/time and string functions for the sandbox-redshift dialect
-- (src/Sandbox.Redshift.Dialect rewrites calls to these; date parts arrive normalised, e.g. 'day').
-- The rewriter qualifies every call (redshift.dateadd); schema redshift also goes on the database's
-- search_path after public, for people on PostgreSQL directly, when the migrating role may set it.
create schema if not exists redshift;
grant usage on schema redshift to public;
do $$ begin
  if pg_has_role(current_user, (select datdba from pg_database where datname = current_database()), 'USAGE')
     or (select rolsuper from pg_roles where rolname = current_user) then
    execute format('alter database %I set search_path = "$user", public, redshift', current_database());
  else
    raise notice 'search_path not changed: % does not own database %; redshift.* functions need their schema',
      current_user, current_database();
  end if;
end $$;

-- GETDATE: start of the current statement, to the second, in the session time zone (UTC by default).
create function redshift.getdate() returns timestamp
  language sql stable parallel safe
  as $$ select date_trunc('second', statement_timestamp())::timestamp $$;

create function redshift.unit_interval(part text) returns interval
  language plpgsql immutable strict parallel safe as $$
declare
  unit interval := case part
    when 'millennium' then interval '1000 years' when 'century' then interval '100 years'
    when 'decade' then interval '10 years' when 'year' then interval '1 year'
    when 'quarter' then interval '3 months' when 'month' then interval '1 month'
    when 'week' then interval '7 days' when 'day' then interval '1 day'
    when 'hour' then interval '1 hour' when 'minute' then interval '1 minute'
    when 'second' then interval '1 second' when 'milliseconds' then interval '1 millisecond'
    when 'microseconds' then interval '1 microsecond' end;
begin
  if unit is null then
    raise exception '"%" is not a recognized date part for DATEADD/DATEDIFF', part using errcode = '22023';
  end if;
  return unit;
end $$;

-- DATEADD(part, n, date|timestamp) -> timestamp; month arithmetic clamps to the month's end
-- (dateadd(month, 1, '2008-01-31') = 2008-02-29) as in Redshift.
create function redshift.dateadd(part text, n bigint, ts timestamp) returns timestamp
  language sql immutable strict parallel safe
  as $$ select ts + n * redshift.unit_interval(part) $$;
create function redshift.dateadd(part text, n bigint, ts timestamptz) returns timestamptz
  language sql stable strict parallel safe
  as $$ select ts + n * redshift.unit_interval(part) $$;
create function redshift.dateadd(part text, n bigint, d date) returns timestamp
  language sql immutable strict parallel safe
  as $$ select redshift.dateadd(part, n, d::timestamp) $$;
-- A string literal argument (string category wins overload resolution) is a timestamp.
create function redshift.dateadd(part text, n bigint, ts text) returns timestamp
  language sql immutable strict parallel safe
  as $$ select redshift.dateadd(part, n, ts::timestamp) $$;

-- DATEDIFF counts the boundaries of `part` crossed between a and b, as Redshift does:
-- datediff(year, '2008-12-31', '2009-01-01') = 1. Weeks start on Monday.
create function redshift.datediff(part text, a timestamp, b timestamp) returns bigint
  language plpgsql immutable strict parallel safe as $$
begin
  perform redshift.unit_interval(part); -- names an unknown date part
  return case part
    when 'millennium' then extract(millennium from b) - extract(millennium from a)
    when 'century' then extract(century from b) - extract(century from a)
    when 'decade' then extract(decade from b) - extract(decade from a)
    when 'year' then extract(year from b) - extract(year from a)
    when 'quarter' then (extract(year from b) * 4 + extract(quarter from b)) - (extract(year from a) * 4 + extract(quarter from a))
    when 'month' then (extract(year from b) * 12 + extract(month from b)) - (extract(year from a) * 12 + extract(month from a))
    when 'week' then (date_trunc('week', b)::date - date_trunc('week', a)::date) / 7
    when 'day' then b::date - a::date
    when 'hour' then (extract(epoch from date_trunc('hour', b)) - extract(epoch from date_trunc('hour', a))) / 3600
    when 'minute' then (extract(epoch from date_trunc('minute', b)) - extract(epoch from date_trunc('minute', a))) / 60
    when 'second' then extract(epoch from date_trunc('second', b)) - extract(epoch from date_trunc('second', a))
    when 'milliseconds' then (extract(epoch from date_trunc('milliseconds', b)) - extract(epoch from date_trunc('milliseconds', a))) * 1000
    when 'microseconds' then (extract(epoch from b) - extract(epoch from a)) * 1000000
  end::bigint;
end $$;
create function redshift.datediff(part text, a timestamptz, b timestamptz) returns bigint
  language sql stable strict parallel safe
  as $$ select redshift.datediff(part, a::timestamp, b::timestamp) $$;
create function redshift.datediff(part text, a date, b date) returns bigint
  language sql immutable strict parallel safe
  as $$ select redshift.datediff(part, a::timestamp, b::timestamp) $$;
create function redshift.datediff(part text, a text, b text) returns bigint
  language sql immutable strict parallel safe
  as $$ select redshift.datediff(part, a::timestamp, b::timestamp) $$;

-- TRUNC(timestamp) -> date; the numeric forms are PostgreSQL's own (calls are qualified redshift.trunc).
create function redshift.trunc(ts timestamp) returns date
  language sql immutable strict parallel safe as $$ select ts::date $$;
create function redshift.trunc(ts timestamptz) returns date
  language sql stable strict parallel safe as $$ select ts::date $$;

create function redshift.trunc(n numeric) returns numeric
  language sql immutable strict parallel safe as $$ select pg_catalog.trunc(n) $$;
create function redshift.trunc(n numeric, places integer) returns numeric
  language sql immutable strict parallel safe as $$ select pg_catalog.trunc(n, places) $$;
create function redshift.trunc(n double precision) returns double precision
  language sql immutable strict parallel safe as $$ select pg_catalog.trunc(n) $$;

create function redshift.last_day(d date) returns date
  language sql immutable strict parallel safe
  as $$ select (date_trunc('month', d) + interval '1 month - 1 day')::date $$;

-- ADD_MONTHS: the last day of a month maps to the last day of the result month
-- (add_months('2008-02-29', 1) = 2008-03-31), otherwise plain month arithmetic.
create function redshift.add_months(ts timestamp, n bigint) returns timestamp
  language sql immutable strict parallel safe as $$
  select case when ts::date = redshift.last_day(ts::date)
    then redshift.last_day((date_trunc('month', ts) + n * interval '1 month')::date) + (ts - date_trunc('day', ts))
    else ts + n * interval '1 month' end $$;
create function redshift.add_months(ts timestamptz, n bigint) returns timestamptz
  language sql stable strict parallel safe
  as $$ select redshift.add_months(ts::timestamp, n)::timestamptz $$;
create function redshift.add_months(d date, n bigint) returns timestamp
  language sql immutable strict parallel safe as $$ select redshift.add_months(d::timestamp, n) $$;
create function redshift.add_months(ts text, n bigint) returns timestamp
  language sql immutable strict parallel safe as $$ select redshift.add_months(ts::timestamp, n) $$;

-- CONVERT_TIMEZONE([source,] target, timestamp): source defaults to UTC.
create function redshift.convert_timezone(source text, target text, ts timestamp) returns timestamp
  language sql immutable strict parallel safe as $$ select (ts at time zone source) at time zone target $$;
create function redshift.convert_timezone(source text, target text, ts timestamptz) returns timestamp
  language sql immutable strict parallel safe as $$ select ts at time zone target $$;
create function redshift.convert_timezone(source text, target text, ts text) returns timestamp
  language sql immutable strict parallel safe as $$ select redshift.convert_timezone(source, target, ts::timestamp) $$;
create function redshift.convert_timezone(target text, ts timestamp) returns timestamp
  language sql immutable strict parallel safe as $$ select redshift.convert_timezone('UTC', target, ts) $$;
create function redshift.convert_timezone(target text, ts timestamptz) returns timestamp
  language sql immutable strict parallel safe as $$ select ts at time zone target $$;
create function redshift.convert_timezone(target text, ts text) returns timestamp
  language sql immutable strict parallel safe as $$ select redshift.convert_timezone('UTC', target, ts::timestamp) $$;

-- LEN counts characters; CHAR's trailing blanks are not counted (char -> text drops them).
create function redshift.len(s text) returns integer
  language sql immutable strict parallel safe as $$ select length(s) $$;

-- CHARINDEX(substring, string): 1-based position, 0 when absent.
create function redshift.charindex(needle text, haystack text) returns integer
  language sql immutable strict parallel safe as $$ select strpos(haystack, needle) $$;

-- STRTOL(string, base): optional sign, optional 0x for base 16; an invalid digit is an error naming it.
create function redshift.strtol(s text, base integer) returns bigint
  language plpgsql immutable strict parallel safe as $$
declare
  digits text := lower(btrim(s));
  negative boolean := false;
  result bigint := 0;
  digit integer;
  c text;
begin
  if base < 2 or base > 36 then
    raise exception 'STRTOL base % is not between 2 and 36', base using errcode = '22023';
  end if;
  if left(digits, 1) in ('+', '-') then
    negative := left(digits, 1) = '-';
    digits := substr(digits, 2);
  end if;
  if base = 16 and left(digits, 2) = '0x' then digits := substr(digits, 3); end if;
  if digits = '' then
    raise exception 'STRTOL: "%" has no digits', s using errcode = '22P02';
  end if;
  foreach c in array regexp_split_to_array(digits, '') loop
    digit := strpos('0123456789abcdefghijklmnopqrstuvwxyz', c) - 1;
    if digit < 0 or digit >= base then
      raise exception 'STRTOL: invalid digit "%" for base % in "%"', c, base, s using errcode = '22P02';
    end if;
    result := result * base + digit;
  end loop;
  return case when negative then -result else result end;
end $$;

grant execute on all functions in schema redshift to public;
