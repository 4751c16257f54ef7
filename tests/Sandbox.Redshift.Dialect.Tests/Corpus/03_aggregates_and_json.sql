-- Aggregates (LISTAGG, MEDIAN, APPROXIMATE COUNT) over the documentation's WINSALES-like data,
-- and the JSON functions with the documentation's examples.

-- case: sample table
create table winsales (salesid int, sellerid int, buyerid varchar(10), qty int);
-- expect-ok

-- case: sample rows
insert into winsales values
  (30001, 3, 'b', 10), (10001, 1, 'c', 10), (10005, 1, 'a', 30), (40001, 4, 'a', 40),
  (10006, 1, 'c', 10), (20001, 2, 'b', 20), (40005, 4, 'a', 10), (20002, 2, 'c', 20),
  (30003, 3, 'b', 15), (30004, 3, 'b', 20), (30007, 3, 'c', 30);
-- expect-ok

-- case: LISTAGG orders within the group
-- construct: LISTAGG ... WITHIN GROUP
select listagg(buyerid, ', ') within group (order by buyerid) from winsales where sellerid = 1;
-- expect:
a, c, c

-- case: LISTAGG DISTINCT per group
select sellerid, listagg(distinct buyerid, '') within group (order by buyerid) from winsales group by sellerid order by sellerid;
-- expect:
1|ac
2|bc
3|bc
4|a

-- case: LISTAGG as a window function over a partition
select distinct sellerid, listagg(salesid, ',') within group (order by salesid) over (partition by sellerid) from winsales where sellerid in (1, 2) order by sellerid;
-- expect:
1|10001,10005,10006
2|20001,20002

-- case: MEDIAN of integers is a decimal
-- construct: MEDIAN
select median(qty) from winsales;
-- expect:
20.0

-- case: MEDIAN as a window function per seller
-- construct: MEDIAN (window)
select sellerid, qty, median(qty) over (partition by sellerid) from winsales order by sellerid, qty;
-- expect:
1|10|10.0
1|10|10.0
1|30|10.0
2|20|20.0
2|20|20.0
3|10|17.5
3|15|17.5
3|20|17.5
3|30|17.5
4|10|25.0
4|40|25.0

-- case: MEDIAN of doubles is a double
select median(qty::float) from winsales where sellerid = 3;
-- expect:
17.5

-- case: APPROXIMATE COUNT(DISTINCT) (exact in Sandbox)
-- construct: APPROXIMATE COUNT(DISTINCT)
select approximate count(distinct buyerid) from winsales;
-- expect:
3

-- case: JSON_EXTRACT_PATH_TEXT follows a path
-- construct: JSON_EXTRACT_PATH_TEXT
select json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"star"}}', 'f4', 'f6');
-- expect:
star

-- case: JSON_EXTRACT_PATH_TEXT returns an object as JSON text
select json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"star"}}', 'f4');
-- expect:
{"f5":99,"f6":"star"}

-- case: JSON_EXTRACT_PATH_TEXT of a missing path is NULL
select json_extract_path_text('{"f2":{"f3":1}}', 'f4', 'f6');
-- expect:
NULL

-- case: JSON_EXTRACT_PATH_TEXT of invalid JSON is an error
select json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"star"}', 'f4', 'f6');
-- expect-error: 22P02

-- case: JSON_EXTRACT_PATH_TEXT with null_if_invalid
select json_extract_path_text('{"f2":{"f3":1},"f4":{"f5":99,"f6":"star"}', 'f4', 'f6', true);
-- expect:
NULL

-- case: JSON_EXTRACT_PATH_TEXT over a VARCHAR column
select json_extract_path_text(doc, 'a') from (select '{"a":"x"}'::varchar(20) as doc) t;
-- expect:
x

-- case: JSON_EXTRACT_ARRAY_ELEMENT_TEXT by zero-based position
-- construct: JSON_EXTRACT_ARRAY_ELEMENT_TEXT
select json_extract_array_element_text('[111,112,113]', 2);
-- expect:
113

-- case: JSON_EXTRACT_ARRAY_ELEMENT_TEXT out of range is an empty string
select json_extract_array_element_text('[111,112,113]', 5) = '';
-- expect:
t

-- case: JSON_EXTRACT_ARRAY_ELEMENT_TEXT with null_if_invalid
select json_extract_array_element_text('["a",["b",1,["c",2,3,null,]]]', 1, true);
-- expect:
NULL

-- case: JSON_ARRAY_LENGTH counts the outer array
-- construct: JSON_ARRAY_LENGTH
select json_array_length('[11,12,13,{"f1":21,"f2":[25,26]},14]');
-- expect:
5

-- case: IS_VALID_JSON tells valid from invalid
-- construct: IS_VALID_JSON
select is_valid_json('{"a":2}'), is_valid_json('{"a":2'), is_valid_json_array('[]');
-- expect:
t|f|t
