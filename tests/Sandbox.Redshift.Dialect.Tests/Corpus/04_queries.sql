-- Query syntax: TOP, MINUS.

-- case: TOP n limits the rows
-- construct: TOP n
select top 2 n from (select 1 as n union all select 2 union all select 3) t order by n desc;
-- expect:
3
2

-- case: TOP in a subquery applies to that subquery
select count(*) from (select top 1 n from (select 1 as n union all select 2) s) t;
-- expect:
1

-- case: DISTINCT TOP
select distinct top 1 n from (select 7 as n union all select 7 union all select 8) t order by n;
-- expect:
7

-- case: TOP with UNION at the same level is refused by name
select top 1 n from (select 1 as n) a union select 2;
-- expect-error: 0A000

-- case: MINUS is EXCEPT
-- construct: MINUS
select n from (select 1 as n union all select 2) a minus select 2;
-- expect:
1

-- case: a late-binding view
-- construct: WITH NO SCHEMA BINDING
create view numbers_v as select n from (select 1 as n union all select 2) t with no schema binding;
-- expect-ok

-- case: the late-binding view's rows
select sum(n) from numbers_v;
-- expect:
3
