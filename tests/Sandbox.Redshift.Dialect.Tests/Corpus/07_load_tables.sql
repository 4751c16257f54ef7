-- STL_LOAD_COMMITS and STL_LOAD_ERRORS (Redshift's columns) over what the loader recorded.

-- case: the pipeline loader's commit
insert into load_commits (delivery, manifest_key, rows_staged, rows_inserted, started_at, lines, rows_bad)
values ('to-warehouse', 'manifests/2024/01/01/m1.json', 3, 2, '2024-01-01 00:00:00+00', 3, 1);
-- expect-ok

-- case: STL_LOAD_COMMITS lists it with Redshift's columns
-- construct: stl_load_commits
select filename, lines_scanned, errors, status, file_format from stl_load_commits;
-- expect:
manifest:manifests/2024/01/01/m1.json|3|1|1|Json

-- case: the loader's rejected line
insert into bad_events (raw, violations, source, line_ref)
values ('{"event_id":', '[{"type":"malformed_json","path":"$","message":"unexpected end of data"}]', 'to-warehouse', 's3://stage/2024/01/01/part-1.json:7');
-- expect-ok

-- case: STL_LOAD_ERRORS shows file, line, code and reason
-- construct: stl_load_errors
select filename, line_number, colname, raw_line, err_code, err_reason from stl_load_errors;
-- expect:
s3://stage/2024/01/01/part-1.json|7|$|{"event_id":|1216|malformed_json: unexpected end of data
