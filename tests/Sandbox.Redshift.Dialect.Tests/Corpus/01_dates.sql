-- Date and time functions. Results as the Redshift Database Developer Guide gives them
-- (function pages of DATEADD, DATEDIFF, DATE_TRUNC, TRUNC, ADD_MONTHS, CONVERT_TIMEZONE, DATE_PART).

-- case: DATEADD adds days across a leap day
-- construct: DATEADD
select dateadd(day, 30, '2008-02-28');
-- expect:
2008-03-29 00:00:00

-- case: DATEADD month clamps to the end of a shorter month
select dateadd(month, 1, '2008-01-31');
-- expect:
2008-02-29 00:00:00

-- case: DATEADD with an abbreviated date part
select dateadd(mins, 90, '2008-01-01');
-- expect:
2008-01-01 01:30:00

-- case: DATEADD of 18 months
select dateadd(month, 18, '2008-02-28');
-- expect:
2009-08-28 00:00:00

-- case: DATEADD with an unknown date part is an error naming it
select dateadd(fortnight, 1, '2008-01-01');
-- expect-error: 22023

-- case: DATEDIFF counts year boundaries crossed
-- construct: DATEDIFF
select datediff(year, '2008-12-31', '2009-01-01');
-- expect:
1

-- case: DATEDIFF in weeks over a year
select datediff(week, '2009-01-01', '2009-12-31') as numweeks;
-- expect:
52

-- case: DATEDIFF in quarters
select datediff(qtr, '1998-07-01', '2002-10-01');
-- expect:
17

-- case: DATEDIFF counts an hour boundary one second away
select datediff(hour, '2008-01-01 10:59:59', '2008-01-01 11:00:00');
-- expect:
1

-- case: DATEDIFF in days over a leap year
select datediff(day, '2008-01-01', '2008-12-31');
-- expect:
365

-- case: DATEDIFF month boundary a day apart
select datediff(month, '2008-01-31', '2008-02-01');
-- expect:
1

-- case: DATE_TRUNC to the week (Monday)
-- construct: DATE_TRUNC
select date_trunc('week', timestamp '2008-09-04 15:47:11');
-- expect:
2008-09-01 00:00:00

-- case: DATE_TRUNC with an abbreviated part
select date_trunc('qtr', timestamp '2008-09-04 15:47:11');
-- expect:
2008-07-01 00:00:00

-- case: TRUNC of a timestamp is its date
-- construct: TRUNC(timestamp)
select trunc(timestamp '2011-07-21 10:32:38.248109');
-- expect:
2011-07-21

-- case: TRUNC of a number still truncates the number
select trunc(111.86), trunc(111.86, 1);
-- expect:
111|111.8

-- case: LAST_DAY of a leap February
-- construct: LAST_DAY
select last_day('2004-02-15');
-- expect:
2004-02-29

-- case: ADD_MONTHS keeps the last day of the month
-- construct: ADD_MONTHS
select add_months('2008-03-31', 1);
-- expect:
2008-04-30 00:00:00

-- case: ADD_MONTHS from a month's last day lands on the last day
select add_months('2008-02-29', 1);
-- expect:
2008-03-31 00:00:00

-- case: CONVERT_TIMEZONE from UTC to New York (standard time)
-- construct: CONVERT_TIMEZONE (3 arguments)
select convert_timezone('UTC', 'America/New_York', '2008-03-05 12:25:29');
-- expect:
2008-03-05 07:25:29

-- case: CONVERT_TIMEZONE with the source defaulting to UTC
-- construct: CONVERT_TIMEZONE (2 arguments)
select convert_timezone('America/Los_Angeles', '2008-08-21 07:23:54');
-- expect:
2008-08-21 00:23:54

-- case: DATE_PART with an unquoted abbreviated part
select date_part(w, timestamp '2008-01-28 12:00:00');
-- expect:
5

-- case: GETDATE is the statement start to the second
-- construct: GETDATE
select getdate() = date_trunc('second', getdate()), trunc(getdate()) = current_date;
-- expect:
t|t

-- case: SYSDATE is the transaction start
-- construct: SYSDATE
select trunc(sysdate) = current_date, date_trunc('second', sysdate) = getdate();
-- expect:
t|t

-- case: nested date functions
select datediff(day, getdate(), dateadd(day, 3, getdate()));
-- expect:
3
