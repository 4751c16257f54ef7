-- VACUUM variants, ANALYZE and ANALYZE COMPRESSION, session parameters.

-- case: a table to maintain
create table orders (id int, placed date, amount decimal(10,2), note varchar(100), paid boolean) sortkey (placed);
-- expect-ok

-- case: rows that arrive unsorted
insert into orders values (1, '2024-01-03', 10.00, 'a', true), (2, '2024-01-01', 5.50, 'b', false);
-- expect-ok

-- case: SVV_TABLE_INFO before VACUUM
-- eventually
select unsorted from svv_table_info where "table" = 'orders';
-- expect:
100.00

-- case: VACUUM SORT ONLY sorts
-- construct: VACUUM SORT ONLY
vacuum sort only orders;
-- expect-ok

-- case: SVV_TABLE_INFO after VACUUM SORT ONLY
-- eventually
select unsorted from svv_table_info where "table" = 'orders';
-- expect:
0.00

-- case: VACUUM FULL (the default) on one table
-- construct: VACUUM
vacuum orders;
-- expect-ok

-- case: VACUUM DELETE ONLY reclaims without sorting
-- construct: VACUUM DELETE ONLY
vacuum delete only orders;
-- expect-ok

-- case: VACUUM REINDEX
-- construct: VACUUM REINDEX
vacuum reindex orders;
-- expect-ok

-- case: VACUUM with a threshold
-- construct: VACUUM ... TO n PERCENT
vacuum full orders to 75 percent;
-- expect-ok

-- case: VACUUM of the whole database
vacuum;
-- expect-ok

-- case: VACUUM threshold above 100 is refused
vacuum orders to 101 percent;
-- expect-error: 22023

-- case: ANALYZE with PREDICATE COLUMNS
analyze orders predicate columns;
-- expect-ok

-- case: ANALYZE COMPRESSION returns a row per column
-- construct: ANALYZE COMPRESSION
analyze compression orders;
-- expect:
orders|id|az64|NULL
orders|placed|raw|NULL
orders|amount|az64|NULL
orders|note|lzo|NULL
orders|paid|raw|NULL

-- case: ANALYZE COMPRESSION of a missing table
analyze compression no_such_table;
-- expect-error: 42P01

-- case: SET query_group labels the session's queries
-- construct: SET query_group
set query_group to 'reports'; show query_group;
-- expect:
reports

-- case: RESET query_group
set query_group to 'reports'; reset query_group; show query_group;
-- expect:
NULL

-- case: other Redshift session parameters are accepted
set enable_result_cache_for_session to off; show enable_result_cache_for_session;
-- expect:
off
