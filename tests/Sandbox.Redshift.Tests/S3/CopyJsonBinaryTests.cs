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
}
