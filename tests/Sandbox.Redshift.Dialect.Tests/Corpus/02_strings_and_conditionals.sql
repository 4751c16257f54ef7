-- String functions and conditional expressions (LEN, CHARINDEX, STRTOL, NVL, NVL2, DECODE pages).

-- case: LEN counts characters, not bytes
-- construct: LEN
select len('français');
-- expect:
8

-- case: LEN ignores a CHAR's trailing blanks
select len('cat  '::char(5));
-- expect:
3

-- case: CHARINDEX finds a substring
-- construct: CHARINDEX
select charindex('fish', 'dogfish');
-- expect:
4

-- case: CHARINDEX returns 0 when absent
select charindex('dog', 'fish');
-- expect:
0

-- case: STRTOL reads hexadecimal
-- construct: STRTOL
select strtol('abcd1234', 16);
-- expect:
2882343476

-- case: STRTOL reads binary and a 0x prefix
select strtol('110', 2), strtol('0xf', 16), strtol('-1234567', 10);
-- expect:
6|15|-1234567

-- case: STRTOL refuses a digit outside the base
select strtol('129', 2);
-- expect-error: 22P02

-- case: NVL returns the first non-null of any number of arguments
-- construct: NVL
select nvl(null, 'b', 'c');
-- expect:
b

-- case: NVL2 picks by nullness
-- construct: NVL2
select nvl2(null, 'not null', 'null'), nvl2('x', 'not null', 'null');
-- expect:
null|not null

-- case: DECODE maps codes to names with a default
-- construct: DECODE
select decode('NHL', 'NHL', 'National Hockey League', 'MLB', 'Major League Baseball', 'Unknown');
-- expect:
National Hockey League

-- case: DECODE matches a NULL search value
select decode(null, null, 'was null', 'not null');
-- expect:
was null

-- case: DECODE without a default gives NULL
select decode('XYZ', 'NHL', 'National Hockey League');
-- expect:
NULL

-- case: nested rewrites inside one another
select nvl(dateadd(day, 1, null::timestamp), '2000-01-01');
-- expect:
2000-01-01 00:00:00

-- case: a string that looks like a call is data
select 'DATEADD(day' as s, 'nvl(a, b)' as t;
-- expect:
DATEADD(day|nvl(a, b)

-- case: "dateadd" as a quoted column name is a column
select "dateadd", "nvl" from (select 1 as "dateadd", 2 as "nvl") t;
-- expect:
1|2

-- case: comments and dollar quotes hide Redshift syntax
select /* dateadd(day, 1, x) top 5 */ $$ nvl(a, b) $$ as body -- minus select 2
;
-- expect:
 nvl(a, b)

-- case: an unknown function is PostgreSQL's own error
select hll_cardinality(1);
-- expect-error: 42883
