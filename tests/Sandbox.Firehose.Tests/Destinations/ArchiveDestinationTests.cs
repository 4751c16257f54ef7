using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Naming;
using Sandbox.Firehose.Tests.Infrastructure;

namespace Sandbox.Firehose.Tests.Destinations;

[Collection(FirehoseCollection.Name)]
public class ArchiveDestinationTests(FirehoseFixture fixture)
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 30, 22, 59, 58, TimeSpan.Zero);

    private ArchiveDestination Destination(ArchiveOptions options) => new(
        new S3ObjectWriter(fixture.S3, TimeProvider.System, NullLogger.Instance), options, new ObjectKeyNamer("to-archive"), TimeProvider.System);

    private static DeliveryBatch Batch(params string[] lines) => new(
        [.. lines.Select((line, i) => new BufferedRecord("shardId-000000000000", $"{i + 1}", Encoding.UTF8.GetBytes(line), Arrival.AddSeconds(i)))]);

    [Fact]
    public async Task A_batch_becomes_one_gzip_object_of_json_lines_under_AWS_hour_folders()
    {
        var bucket = await fixture.CreateBucketAsync();
        var lines = Enumerable.Range(0, 25).Select(i => $"{{\"n\":{i}}}").ToArray();

        var outcome = await Destination(new ArchiveOptions { Bucket = bucket }).DeliverAsync(Batch(lines), CancellationToken.None);

        var key = Assert.Single(await fixture.S3.KeysAsync(bucket));
        Assert.Matches(new Regex(@"^2026/11/30/22/to-archive-1-2026-11-30-22-59-58-[0-9a-f-]{36}\.gz$"), key);
        Assert.Equal(string.Concat(lines.Select(l => l + "\n")), JsonLinesTests.Gunzip(await fixture.S3.ReadAsync(bucket, key)));
        Assert.Equal(new DeliveryOutcome(25, 0, lines.Sum(l => l.Length)), outcome);
    }

    [Fact]
    public async Task Records_failing_processing_go_raw_to_the_error_prefix_with_the_reason()
    {
        var bucket = await fixture.CreateBucketAsync();
        var destination = Destination(new ArchiveOptions
        {
            Bucket = bucket,
            Prefix = "events/dt=!{timestamp:yyyy-MM-dd}/",
            ErrorOutputPrefix = "errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/",
        });

        var outcome = await destination.DeliverAsync(Batch("{\"n\":1}", "garbage line", "{\"n\":2}", "[3]"), CancellationToken.None);

        var keys = await fixture.S3.KeysAsync(bucket);
        Assert.Equal(2, keys.Count);
        var good = Assert.Single(keys, k => k.StartsWith("events/dt=2026-11-30/to-archive-1-", StringComparison.Ordinal));
        Assert.Equal("{\"n\":1}\n{\"n\":2}\n", JsonLinesTests.Gunzip(await fixture.S3.ReadAsync(bucket, good)));
        var errorKey = Assert.Single(keys, k => k.StartsWith("errors/processing-failed/dt=2026-11-30/to-archive-1-", StringComparison.Ordinal));
        var errors = JsonLinesTests.Gunzip(await fixture.S3.ReadAsync(bucket, errorKey))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["garbage line", "[3]"], errors.Select(e => Encoding.UTF8.GetString(Convert.FromBase64String(e.GetProperty("rawData").GetString()!))));
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("errorMessage").GetString())));
        Assert.Equal((2L, 2L), (outcome.Delivered, outcome.RoutedToErrors)); // 4 in = 2 + 2: nothing dropped
    }
}
