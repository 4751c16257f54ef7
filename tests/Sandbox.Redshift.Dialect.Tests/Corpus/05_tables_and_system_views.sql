-- DDL: Redshift types, IDENTITY and physical design, and the system views that show the design
-- (CREATE TABLE, PG_TABLE_DEF, SVV_TABLE_INFO pages).

-- case: VARCHAR(MAX) is 65535 long
-- construct: VARCHAR(MAX)
create table notes (body varchar(max));
-- expect-ok

-- case: VARCHAR(MAX)'s declared length
select character_maximum_length from information_schema.columns where table_name = 'notes';
-- expect:
65535

-- case: SUPER columns hold parsed JSON
-- construct: SUPER
create table docs (id int, data super);
-- expect-ok

-- case: JSON_PARSE fills a SUPER column
insert into docs values (1, json_parse('{"a":1,"b":[1,2]}'));
-- expect-ok

-- case: the SUPER value is JSON
select id, json_typeof(data::json) from docs;
-- expect:
1|object

-- case: IDENTITY(seed, step) numbers rows
-- construct: IDENTITY(seed, step)
create table ids (id bigint identity(0, 10), v varchar(10));
-- expect-ok

-- case: IDENTITY values follow seed and step
insert into ids (v) values ('a'), ('b'), ('c');
-- expect-ok

-- case: the identity values
select id, v from ids order by id;
-- expect:
0|a
10|b
20|c

-- case: physical design on a table
-- construct: DISTSTYLE / DISTKEY / SORTKEY
create table sales (
  salesid integer not null,
  sellerid integer not null,
  qtysold smallint not null encode az64,
  pricepaid decimal(8,2),
  saletime timestamp)
diststyle key distkey (sellerid) compound sortkey (saletime, sellerid);
-- expect-ok

-- case: PG_TABLE_DEF shows encoding, distkey, sortkey order and nullability
-- construct: pg_table_def
select "column", type, encoding, distkey, sortkey, notnull from pg_table_def where tablename = 'sales';
-- expect:
salesid|integer|none|f|0|t
sellerid|integer|none|t|2|t
qtysold|smallint|az64|f|0|t
pricepaid|numeric(8,2)|none|f|0|f
saletime|timestamp without time zone|none|f|1|f

-- case: rows for SVV_TABLE_INFO
insert into sales values (1, 10, 2, 100.00, '2008-01-01 10:00'), (2, 11, 1, 50.00, '2008-01-02 10:00'),
  (3, 10, 4, 20.00, '2008-01-03 10:00'), (4, 12, 1, 10.00, '2008-01-04 10:00');
-- expect-ok

-- case: SVV_TABLE_INFO shows the design, rows and the unsorted share
-- construct: svv_table_info
-- eventually
select "table", diststyle, sortkey1, sortkey_num, tbl_rows, unsorted, size >= 1 from svv_table_info where "table" = 'sales';
-- expect:
sales|KEY(sellerid)|saletime|2|4|100.00|t

-- case: column DISTKEY and SORTKEY with ENCODE
-- construct: ENCODE
create table events_by_user (user_id varchar(32) distkey encode zstd, event_time timestamp sortkey encode raw, name varchar(64) encode lzo);
-- expect-ok

-- case: the column attributes in PG_TABLE_DEF
select "column", encoding, distkey, sortkey from pg_table_def where tablename = 'events_by_user';
-- expect:
user_id|zstd|t|0
event_time|none|f|1
name|lzo|f|0

-- case: INTERLEAVED SORTKEY shows negative positions
-- construct: INTERLEAVED SORTKEY
create table clicks (day date, product varchar(20), n int) interleaved sortkey (day, product);
-- expect-ok

-- case: interleaved positions in PG_TABLE_DEF
select "column", sortkey from pg_table_def where tablename = 'clicks';
-- expect:
day|-1
product|-2
n|0

-- case: BACKUP NO and DISTSTYLE ALL
-- construct: BACKUP NO
create table lookup (code char(2), label varchar(20)) diststyle all backup no;
-- expect-ok

-- case: a row for the lookup table
insert into lookup values ('JP', 'Japan');
-- expect-ok

-- case: DISTSTYLE ALL in SVV_TABLE_INFO
-- eventually
select diststyle, sortkey1, encoded from svv_table_info where "table" = 'lookup';
-- expect:
ALL|AUTO(SORTKEY)|N

-- case: CREATE TABLE AS with design attributes
create table sales_copy distkey (sellerid) sortkey (saletime) as select * from sales;
-- expect-ok

-- case: the copy's design
select "column", distkey, sortkey from pg_table_def where tablename = 'sales_copy' and (distkey or sortkey <> 0);
-- expect:
sellerid|t|0
saletime|f|1

-- case: CREATE TABLE IF NOT EXISTS keeps the first design
create table if not exists sales (salesid int) diststyle even;
-- expect-ok

-- case: the first design is still recorded
select distinct distkey from pg_table_def where tablename = 'sales' and "column" = 'sellerid';
-- expect:
t

-- case: a temporary table with design
create temp table scratch (a int) diststyle even sortkey (a);
-- expect-ok
