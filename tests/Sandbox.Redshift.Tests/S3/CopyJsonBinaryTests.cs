using static Sandbox.Redshift.Tests.S3.CopyFromS3Tests;

namespace Sandbox.Redshift.Tests.S3;

/// <summary>
/// JSON 'auto' into text, varchar, timestamp(tz) and json(b) columns goes to PostgreSQL as binary COPY rows
/// (the Firehose path); it must load and reject exactly what the text path does ('auto ignorecase' takes
/// the text path, and these keys are lower case).
/// </summary>
[Collection(FrontCollection.Name)]
public class CopyJsonBinaryTests(FrontFixture fixture, S3Bucket bucket) : IClassFixture<S3Bucket>
{
    private const string Role = "iam_role default";

    private const string Columns = "id text not null, label varchar(8), at timestamptz, seen timestamp, props jsonb, doc json";

    private static readonly string Lines = string.Join('\n',
        """{"id":"a","label":"caf\u00e9 \"q\"","at":"2024-01-01T09:00:00.123Z","seen":"2024-01-01T09:00:00.123456Z","props":{"x":[1,2]},"doc":[1]}""",
        """{"id":7,"label":true,"at":"2024-01-01 09:00:00+09","props":"{\"s\":1}","ignored":{"deep":[1,{"a":null}]}}""",
        """{"label":"no id"}""",
        """{"id":"b","at":"yesterday"}""",
        """{"id":"c","label":"much too long"}""",
        "not json",
        """{"id":"e","at":null,"props":null,"doc":{"k":"v"}}""",
        """{"id":"f","label":"","at":"  ","seen":"2024-02-29T23:59:59Z"}""",
        """{"id":"g","props":"not json"}""",
        "",
        """{"id":"h","label":"tab\there"}""") + "\n";

    [Fact]
    public async Task Binary_rows_load_and_reject_what_the_text_path_does()
    {
        await bucket.PutAsync("binary/data.json", Lines);
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection,
            $"drop table if exists json_binary, json_text; create table json_binary ({Columns}); create table json_text ({Columns})");

        var binary = await ExecuteAsync(connection, $"copy json_binary from '{bucket.Url("binary/data.json")}' {Role} format as json 'auto' maxerror 10");
        var text = await ExecuteAsync(connection, $"copy json_text from '{bucket.Url("binary/data.json")}' {Role} format as json 'auto ignorecase' maxerror 10");

        Assert.Equal(5, binary);
        Assert.Equal(text, binary);
        const string Select = "select id, label, at, seen, props::text, doc::text from {0} order by id";
        var rows = await RowsAsync(connection, string.Format(Select, "json_binary"));
        Assert.Equal(await RowsAsync(connection, string.Format(Select, "json_text")), rows);
        Assert.Equal("a|café \"q\"|2024-01-01 09:00:00|2024-01-01 09:00:00|{\"x\": [1, 2]}|[1]", rows[1]);
        Assert.Equal("7|true|2024-01-01 00:00:00||{\"s\": 1}|", rows[0]);
        Assert.Equal("f|||2024-02-29 23:59:59||", rows[3]);
        Assert.Equal(["123456"], await RowsAsync(connection, "select to_char(seen, 'US') from json_binary where id = 'a'"));
        var errors = "select line_number, colname, err_code from stl_load_errors where filename = '{0}' and query = (select max(query) from stl_load_errors where filename = '{0}') order by line_number";
        var binaryErrors = await RowsAsync(connection, string.Format(errors, bucket.Url("binary/data.json")));
        Assert.Equal(["3|id|1213", "4|at|1206", "5|label|1204", "6||1216", "9|props|1216"], binaryErrors);
    }

    [Fact]
    public async Task Text_postgresql_cannot_store_is_rejected_not_sent()
    {
        await bucket.PutAsync("binary/nul.json", "{\"id\":\"n\",\"label\":\"a\\u0000b\"}\n{\"id\":\"s\",\"props\":{\"x\":\"\\ud800\"}}\n{\"id\":\"ok\"}\n");
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, $"drop table if exists json_nul; create table json_nul ({Columns})");

        var loaded = await ExecuteAsync(connection, $"copy json_nul from '{bucket.Url("binary/nul.json")}' {Role} format as json 'auto' maxerror 10");

        Assert.Equal(1, loaded);
        Assert.Equal(["ok"], await RowsAsync(connection, "select id from json_nul"));
        Assert.Equal(["1|1220", "2|1220"], await RowsAsync(connection,
            $"select line_number, err_code from stl_load_errors where filename = '{bucket.Url("binary/nul.json")}' order by line_number"));
    }

    /// <summary>
    /// A record without a NOT NULL column's key (or with null) loads that column's constant DEFAULT, as a column left out of
    /// the column list would (Firehose's events without properties get '{}'); binary and text paths alike. A nullable
    /// column stays NULL; a NOT NULL column without a constant default still rejects the line.
    /// </summary>
    [Fact]
    public async Task A_missing_key_loads_a_not_null_columns_constant_default()
    {
        await bucket.PutAsync("binary/defaults.json", "{\"id\":\"a\"}\n{\"id\":\"b\",\"props\":null,\"note\":null}\n{\"id\":\"c\",\"props\":{\"k\":1},\"note\":\"n\",\"at\":\"2024-01-01T00:00:00Z\"}\n");
        await using var connection = await fixture.OpenAsync();
        const string Table = "id text not null, props jsonb not null default '{}'::jsonb, note varchar(8) not null default 'it''s', " +
                             "at timestamptz not null default now(), free text default 'x'";
        await FrontFixture.Execute(connection, $"drop table if exists json_default_b, json_default_t; create table json_default_b ({Table}); create table json_default_t ({Table})");

        foreach (var (table, format) in new[] { ("json_default_b", "'auto'"), ("json_default_t", "'auto ignorecase'") })
        {
            Assert.Equal(1, await ExecuteAsync(connection,
                $"copy {table} (id, props, note, at, free) from '{bucket.Url("binary/defaults.json")}' {Role} format as json {format} maxerror 10"));
            Assert.Equal(3, await ExecuteAsync(connection,
                $"copy {table} (id, props, note, free) from '{bucket.Url("binary/defaults.json")}' {Role} format as json {format} maxerror 10"));
            Assert.Equal(["a|{}|it's|", "b|{}|it's|", "c|{\"k\": 1}|n|"], await RowsAsync(connection, $"select id, props::text, note, free from {table} where at > now() - interval '1 hour' order by id"));
            Assert.Equal(["c|{\"k\": 1}|n|"], await RowsAsync(connection, $"select id, props::text, note, free from {table} where at < '2025-01-01' order by id"));
        }
    }
}
