using Npgsql;

namespace Sandbox.Redshift.Tests.S3;

/// <summary>COPY FROM 's3://...' through the front, against the native stack's s3rver and the tests' own PostgreSQL.</summary>
[Collection(FrontCollection.Name)]
public class CopyFromS3Tests(FrontFixture fixture, S3Bucket bucket) : IClassFixture<S3Bucket>
{
    private const string Role = "iam_role 'arn:aws:iam::123456789012:role/loader'";

    [Fact]
    public async Task Json_manifest_gzip_loads_good_lines_and_records_bad_ones_within_maxerror()
    {
        await bucket.PutAsync("json/a.json.gz", """
            {"id": 1, "name": "one", "at": "2024-01-01T09:00:00+09:00", "props": {"x": [1, 2]}, "ignored": true}
            {"id": "two", "name": "bad id", "at": "2024-01-01 00:00:00"}
            {"id": 3, "name": "three", "at": 1704067200}
            """ + "\n", gzip: true);
        await bucket.PutAsync("json/b.json.gz", "{\"id\": 4, \"name\": \"four-is-too-long\"}\n{\"id\": 5,\n{\"ID\": 6, \"NAME\": \"six\"}\n", gzip: true);
        await bucket.PutAsync("json/m.manifest", $$"""
            {"entries": [{"url": "{{bucket.Url("json/a.json.gz")}}", "mandatory": true},
                         {"url": "{{bucket.Url("json/b.json.gz")}}", "mandatory": true},
                         {"url": "{{bucket.Url("json/optional-missing.gz")}}", "mandatory": false}]}
            """);
        await using var connection = await fixture.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await FrontFixture.Execute(connection, "create temporary table json_stage (id int not null, name varchar(8), at timestamp, props jsonb)");

        var loaded = await ExecuteAsync(connection,
            $"copy json_stage from '{bucket.Url("json/m.manifest")}' {Role} manifest format as json 'auto ignorecase' gzip timeformat 'auto' maxerror 5");
        await transaction.CommitAsync();

        Assert.Equal(2, loaded); // 1 and 6 ("ID"/"NAME" match with ignorecase)
        Assert.Equal(["1|one|2024-01-01 00:00:00|{\"x\": [1, 2]}", "6|six||"],
            await RowsAsync(connection, "select id, name, at, props from json_stage order by id"));
        var errors = await RowsAsync(connection,
            $"select filename, line_number, colname, err_code, raw_field_value from stl_load_errors where filename like '%{bucket.Name}/json/%' order by filename, line_number");
        Assert.Equal([
            $"{bucket.Url("json/a.json.gz")}|2|id|1207|two",
            $"{bucket.Url("json/a.json.gz")}|3|at|1206|1704067200",
            $"{bucket.Url("json/b.json.gz")}|1|name|1204|four-is-too-long",
            $"{bucket.Url("json/b.json.gz")}|2||1216|"], errors);
        Assert.Equal([$"{bucket.Url("json/a.json.gz")}|3|2|Json", $"{bucket.Url("json/b.json.gz")}|3|2|Json"],
            await RowsAsync(connection, $"select filename, lines_scanned, errors, file_format from stl_load_commits where filename like '%{bucket.Name}/json/%' order by filename"));
    }

    [Fact]
    public async Task Csv_prefix_with_header_over_the_simple_protocol()
    {
        await bucket.PutAsync("csv/part-1.csv", "id,label,price\n1,\"a, quoted\",1.50\n2,,2\n");
        await bucket.PutAsync("csv/part-2.csv", "id,label,price\n3,\"multi\nline\",3.25\n");
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists csv_target; create table csv_target (id int, label varchar(20), price numeric(6,2)); grant all on csv_target to raw_client");

        await using var raw = await RawClient.ConnectAsync(fixture.Port, "raw_client", FrontFixture.Database);
        var replies = await raw.QueryUntilAsync($"COPY csv_target FROM '{bucket.Url("csv/part-")}' {Role} CSV IGNOREHEADER 1");

        Assert.DoesNotContain(replies, r => r.Code is (byte)'E' or (byte)'G'); // no error, and no CopyInResponse shown to the client
        Assert.Contains(replies, r => r.Code == (byte)'C' && System.Text.Encoding.UTF8.GetString(r.Body).StartsWith("COPY 3"));
        Assert.Equal(["1|a, quoted|1.50", "2||2.00", "3|multi\nline|3.25"], await RowsAsync(connection, "select id, label, price from csv_target order by id"));
    }

    [Fact]
    public async Task Past_maxerror_the_load_fails_as_redshift_does_and_nothing_stays()
    {
        await bucket.PutAsync("bad/data.txt", "1|ok\nx|bad\ny|bad too\n");
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists maxerror_target; create table maxerror_target (id int, label text)");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"copy maxerror_target from '{bucket.Url("bad/data.txt")}' {Role} maxerror 1"));

        Assert.Equal("XX000", error.SqlState);
        Assert.Equal("Load into table 'maxerror_target' failed.  Check 'stl_load_errors' system table for details.", error.MessageText);
        // Npgsql closes a connection after XX000 (internal_error), as it would against Redshift: look with a new one.
        await using var after = await fixture.OpenAsync();
        Assert.Equal(0L, await ScalarAsync(after, "select count(*) from maxerror_target"));
        Assert.Equal(2L, await ScalarAsync(after, $"select count(*) from stl_load_errors where filename = '{bucket.Url("bad/data.txt")}'"));
    }

    [Fact]
    public async Task An_object_shorter_than_its_manifest_content_length_fails_the_load_as_a_short_read()
    {
        // What a reader meets when s3rver serves an object whose PUT has not reached the file yet.
        var part = S3Bucket.Gzip("{\"id\": 1}\n{\"id\": 2}\n");
        await bucket.PutAsync("short/part-0.gz", part);
        await bucket.PutAsync("short/m.manifest", $$$"""
            {"entries": [{"url": "{{{bucket.Url("short/part-0.gz")}}}", "mandatory": true, "meta": {"content_length": {{{part.Length + 100}}}}}]}
            """);
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists short_target; create table short_target (id int)");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"copy short_target from '{bucket.Url("short/m.manifest")}' {Role} manifest format as json 'auto' gzip"));

        Assert.Equal("XX000", error.SqlState);
        Assert.Contains($"{bucket.Url("short/part-0.gz")} read short: {part.Length:N0} bytes read, the manifest or listing said {part.Length + 100:N0}", error.MessageText);
        await using var after = await fixture.OpenAsync();
        Assert.Equal(0L, await ScalarAsync(after, "select count(*) from short_target"));
    }

    [Fact]
    public async Task A_gzip_object_of_several_members_loads_whole_though_its_trailer_covers_only_the_last()
    {
        await bucket.PutAsync("members/part-0.gz", [.. S3Bucket.Gzip("{\"id\": 1}\n"), .. S3Bucket.Gzip("{\"id\": 2}\n{\"id\": 3}\n")]);
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists members_target; create table members_target (id int)");

        Assert.Equal(3, await ExecuteAsync(connection, $"copy members_target from '{bucket.Url("members/")}' {Role} format as json 'auto' gzip"));
        Assert.Equal(["1", "2", "3"], await RowsAsync(connection, "select id from members_target order by id"));
    }

    [Fact]
    public async Task A_missing_manifest_is_refused_and_recorded()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists manifest_target; create table manifest_target (id int)");
        var missing = bucket.Url("nowhere/manifest");

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"copy manifest_target from '{missing}' {Role} manifest json 'auto'"));

        Assert.Equal("XX000", error.SqlState);
        Assert.Contains("does not exist", error.MessageText);
        await using var after = await fixture.OpenAsync();
        Assert.Equal(["8001"], await RowsAsync(after, $"select err_code from stl_load_errors where filename = '{missing}'"));
    }

    [Fact]
    public async Task A_missing_table_fails_with_postgresql_s_own_error()
    {
        await using var connection = await fixture.OpenAsync();
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"copy no_such_table from '{bucket.Url("csv/")}' {Role} csv"));
        Assert.Equal("42P01", error.SqlState);
    }

    [Fact]
    public async Task Jsonpaths_map_nested_fields_and_a_batch_with_another_statement_is_refused()
    {
        await bucket.PutAsync("paths/paths.json", "{\"jsonpaths\": [\"$.user.id\", \"$['tags'][1]\", \"$.missing\"]}");
        await bucket.PutAsync("paths/data.json", "{\"user\": {\"id\": 7}, \"tags\": [\"a\", \"b\"]}\n{\"user\": {\"id\": 8}, \"tags\": []}\n");
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists paths_target; create table paths_target (uid bigint, tag text, other text)");

        await ExecuteAsync(connection, $"copy paths_target from '{bucket.Url("paths/data.json")}' {Role} json '{bucket.Url("paths/paths.json")}'");
        Assert.Equal(["7|b|", "8||"], await RowsAsync(connection, "select uid, tag, other from paths_target order by uid"));

        // Npgsql sends both statements in one Sync batch: the front cannot probe the catalog in between.
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(connection, $"select 1; copy paths_target from '{bucket.Url("paths/data.json")}' {Role} json '{bucket.Url("paths/paths.json")}'"));
        Assert.Equal("0A000", error.SqlState);
        Assert.Contains("first statement of their Sync batch", error.MessageText);
    }

    internal static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    internal static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Format(reader.GetValue(i)))));
        return rows;
    }

    private static string Format(object value) => value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss"),
        decimal number => number.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
