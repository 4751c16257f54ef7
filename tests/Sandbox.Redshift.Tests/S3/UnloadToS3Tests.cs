using System.Text.Json;
using Npgsql;

namespace Sandbox.Redshift.Tests.S3;

/// <summary>UNLOAD ('select ...') TO 's3://...' through the front, against the native stack's s3rver.</summary>
[Collection(FrontCollection.Name)]
public class UnloadToS3Tests(FrontFixture fixture, S3Bucket bucket) : IClassFixture<S3Bucket>
{
    private const string Role = "iam_role 'arn:aws:iam::123456789012:role/unloader'";

    [Fact]
    public async Task Csv_gzip_header_parallel_off_with_a_verbose_manifest()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection,
            "drop table if exists venue; create table venue (id int, name text, state char(2)); " +
            "insert into venue values (1, 'Hall, the', 'NV'), (2, 'Arena', 'NV'), (3, 'Dome', 'CA'), (4, null, 'NV')");

        await CopyFromS3Tests.ExecuteAsync(connection,
            $"unload ('select id, name from venue where state = ''NV'' and getdate() is not null order by id') " +
            $"to '{bucket.Url("csv/venue_")}' {Role} csv header gzip parallel off manifest verbose");

        Assert.Equal(["csv/venue_000.gz", "csv/venue_manifest"], await bucket.KeysAsync("csv/"));
        Assert.Equal("id,name\n1,\"Hall, the\"\n2,Arena\n4,\n", await bucket.ReadAsync("csv/venue_000.gz", gzip: true));
        using var manifest = JsonDocument.Parse(await bucket.ReadAsync("csv/venue_manifest"));
        Assert.Equal(bucket.Url("csv/venue_000.gz"), manifest.RootElement.GetProperty("entries")[0].GetProperty("url").GetString());
        Assert.Equal(3, manifest.RootElement.GetProperty("meta").GetProperty("record_count").GetInt64());
    }

    [Fact]
    public async Task Default_text_format_and_overwrite_only_when_allowed()
    {
        await using var connection = await fixture.OpenAsync();
        var unload = $"unload ('select 1 as a, null::text as b, ''x|y'' as c') to '{bucket.Url("text/out_")}' {Role}";

        await CopyFromS3Tests.ExecuteAsync(connection, unload);
        Assert.Equal(["text/out_0000_part_00"], await bucket.KeysAsync("text/"));
        Assert.Equal("1||x\\|y\n", await bucket.ReadAsync("text/out_0000_part_00"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => CopyFromS3Tests.ExecuteAsync(connection, unload));
        Assert.Contains("ALLOWOVERWRITE", error.MessageText);
        await using var after = await fixture.OpenAsync(); // Npgsql closes a connection after XX000
        await CopyFromS3Tests.ExecuteAsync(after, unload.Replace("1 as a", "2 as a") + " allowoverwrite");
        Assert.Equal("2||x\\|y\n", await bucket.ReadAsync("text/out_0000_part_00"));
    }

    [Fact]
    public async Task Unloaded_objects_load_back_with_copy()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists round_trip; create table round_trip (n int, label text)");
        await CopyFromS3Tests.ExecuteAsync(connection,
            $"unload ('select n, ''row '' || n from generate_series(1, 5000) n') to '{bucket.Url("trip/part_")}' {Role} gzip manifest");

        await CopyFromS3Tests.ExecuteAsync(connection, $"copy round_trip from '{bucket.Url("trip/part_manifest")}' {Role} manifest gzip");

        Assert.Equal(["5000|12502500|True"], await CopyFromS3Tests.RowsAsync(connection, "select count(*), sum(n), bool_and(label = 'row ' || n) from round_trip"));
    }
}
