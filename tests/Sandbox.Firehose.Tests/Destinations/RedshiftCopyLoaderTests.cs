using System.Text;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Firehose.Destinations.Warehouse;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Destinations;

/// <summary>
/// The opt-in loader that issues Redshift's COPY ... MANIFEST over the wire to the stack's endpoint on
/// 5439 (the front reads S3 itself), with the same exactly-once guarantees as the in-process loader.
/// </summary>
[Collection(FirehoseCollection.Name)]
public class RedshiftCopyLoaderTests(FirehoseFixture fixture)
{
    [Fact]
    public async Task Loads_a_manifest_through_the_endpoint_once_with_duplicates_and_bad_lines_accounted()
    {
        var bucket = await fixture.CreateBucketAsync();
        var delivery = FirehoseFixture.UniqueName("rscopy");
        var events = Enumerable.Range(0, 30).Select(_ => TestEvents.Valid()).ToList();
        var repeated = events[0].Line; // the same event twice in one batch: one row
        var lines = events.Select(e => e.Line).Append(repeated).Append("not json at all").Append("{\"event_name\":\"logout\"}");
        var body = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        await fixture.S3.PutBytesAsync(bucket, "stage/part-1", body);
        await fixture.S3.PutBytesAsync(bucket, "stage/manifest-1", Manifest.Of(bucket, "stage/part-1", body.Length).ToJson());
        // One event is already in the warehouse (a redelivery): counted as a duplicate, not inserted again.
        await fixture.S3.PutBytesAsync(bucket, "stage/part-0", Encoding.UTF8.GetBytes(events[1].Line + "\n"));
        await fixture.S3.PutBytesAsync(bucket, "stage/manifest-0", Manifest.Of(bucket, "stage/part-0", 1).ToJson());
        var loader = new RedshiftCopyLoader(fixture.Warehouse, fixture.S3);
        Assert.Equal(1, (await loader.LoadAsync(delivery, bucket, "stage/manifest-0", CancellationToken.None)).Inserted);

        var result = await loader.LoadAsync(delivery, bucket, "stage/manifest-1", CancellationToken.None);

        Assert.Equal((33L, 31L, 29L, 2L, 2L), (result.Lines, result.Staged, result.Inserted, result.Duplicates, result.Bad));
        Assert.True(result.Reconciles);
        Assert.Equal(30L, await ScalarAsync("select count(*) from events where event_id = any($1)", events.Select(e => e.Id).ToArray()));
        Assert.Equal(2L, await ScalarAsync("select count(*) from bad_events where line_ref like $1", $"s3://{bucket}/stage/part-1:%"));
        Assert.True((await loader.LoadAsync(delivery, bucket, "stage/manifest-1", CancellationToken.None)).AlreadyLoaded);
        Assert.Equal(1L, await ScalarAsync("select count(*) from load_commits where delivery = $1 and rows_inserted = 29", delivery));
    }

    private async Task<long> ScalarAsync(string sql, object parameter)
    {
        await using var command = fixture.Warehouse.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
