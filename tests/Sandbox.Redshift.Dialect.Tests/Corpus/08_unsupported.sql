-- Constructs Sandbox does not emulate are refused by name (0A000), never run differently.

-- case: PIVOT
-- construct: PIVOT, QUALIFY, EXTERNAL TABLE, GEOMETRY (refused by name)
select * from (select 1 as a, 'x' as b) t pivot (sum(a) for b in ('x'));
-- expect-error: 0A000

-- case: QUALIFY
select a from (select 1 as a) t qualify row_number() over (order by a) = 1;
-- expect-error: 0A000

-- case: Spectrum external tables
create external table spectrum.sales (id int) stored as parquet location 's3://bucket/sales/';
-- expect-error: 0A000

-- case: changing the design after creation
alter table some_table alter diststyle all;
-- expect-error: 0A000

-- case: the GEOMETRY type
select null::geometry;
-- expect-error: 0A000

-- case: LISTAGG DISTINCT as a window function
select listagg(distinct a, ',') within group (order by a) over (partition by a) from (select 'x' as a) t;
-- expect-error: 0A000
