using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Core.Events;
using Sandbox.Firehose.Buffering;
using Sandbox.Firehose;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;
using Sandbox.Warehouse;

// Firehose bench: how fast the delivery streams drain a pre-filled stream, against the raw
// GetRecords drain of the same stream measured in the same run (the baseline).
var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var shards = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var endpoints = EndpointsLoader.Load();
using var kinesis = KinesisClient.Create(endpoints);
using var s3 = AwsClients.S3(endpoints);
using var dynamo = AwsClients.DynamoDb(endpoints);
await using var warehouse = WarehouseDataSource.Create(endpoints);
var run = Guid.NewGuid().ToString("N")[..10];
string Name(string what) => $"bench-{what}-{run}";

var stream = Name("stream");
await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = shards });
await kinesis.WaitForStreamActiveAsync(stream);
var leaseTable = Name("leases");
await dynamo.CreateTableAsync(LeaseTable.Definition(leaseTable));
while ((await dynamo.DescribeTableAsync(leaseTable)).Table.TableStatus != Amazon.DynamoDBv2.TableStatus.ACTIVE) await Task.Delay(50);
var (archiveBucket, stagingBucket, errorBucket) = (Name("archive"), Name("staging"), Name("errors"));
foreach (var bucket in new[] { archiveBucket, stagingBucket, errorBucket }) await s3.PutBucketAsync(bucket);

var ids = new string[events];
var lines = new byte[events][];
var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
for (var i = 0; i < events; i++)
{
    ids[i] = EventId.Format(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (ulong)Random.Shared.Next(1 << 16), (ulong)Random.Shared.NextInt64());
    lines[i] = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["event_id"] = ids[i], ["event_name"] = "screen_view", ["user_id"] = $"u{i % 5000}", ["anonymous_id"] = $"a{i % 5000}",
        ["session_id"] = $"s{i % 20000}", ["event_time"] = now, ["received_at"] = now, ["platform"] = "android", ["os_version"] = "14",
        ["device_model"] = "Pixel 8", ["app_version"] = "3.2.1", ["locale"] = "ja-JP",
        ["properties"] = new Dictionary<string, object> { ["screen_name"] = "home" },
    });
}
var put = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, (events + 499) / 500), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
{
    var request = new PutRecordsRequest
    {
        StreamName = stream,
        Records = [.. Enumerable.Range(chunk * 500, Math.Min(500, events - chunk * 500))
            .Select(i => new PutRecordsRequestEntry { PartitionKey = $"u{i % 5000}", Data = lines[i] })],
    };
    var response = await kinesis.PutRecordsAsync(request, ct);
    if (response.FailedRecordCount > 0) throw new InvalidOperationException($"{response.FailedRecordCount} records not put");
});
put.Stop();
var bytes = lines.Sum(l => (long)l.Length);
Console.WriteLine($"put {events} events ({bytes / 1024.0 / 1024.0:0.0} MB) over {shards} shards in {put.Elapsed.TotalSeconds:0.00} s");

// Baseline: read every shard to the end with plain GetRecords, delivering nothing.
var raw = Stopwatch.StartNew();
long read = 0;
await Parallel.ForEachAsync(await kinesis.ListAllShardsAsync(stream).ToListAsync(), async (shard, ct) =>
{
    var iterator = (await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest
        { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TRIM_HORIZON }, ct)).ShardIterator;
    while (true)
    {
        var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10_000 }, ct);
        Interlocked.Add(ref read, page.Records.Count);
        if (page.Records.Count == 0 || page.NextShardIterator is null) break;
        iterator = page.NextShardIterator;
    }
});
raw.Stop();
if (read != events) throw new InvalidOperationException($"raw drain read {read} of {events}");

// The delivery streams come from the composition root `sandbox run` uses, over this run's
// resources; each round names its streams apart so it starts from the stream's beginning.
var benchEndpoints = endpoints with
{
    Resources = endpoints.Resources with
    {
        Stream = stream, LeaseTable = leaseTable, ArchiveBucket = archiveBucket, StagingBucket = stagingBucket, ErrorBucket = errorBucket,
    },
};
var hints = BufferingHints.FromAws(5, 1); // AWS default size, 1 s interval so the tail does not wait 300 s
var options = new FirehoseOptions { ArchiveBuffering = hints, WarehouseBuffering = hints };
var deliveries = new List<string>();

async Task<TimeSpan> DrainAsync(int round, Func<DeliveryStreams, DeliveryStream[]> pick)
{
    await using var streams = DeliveryStreams.Create(benchEndpoints, options, Name($"arch{round}"), Name($"wh{round}"));
    var workers = pick(streams);
    deliveries.AddRange(workers.Select(w => w.Name));
    var clock = Stopwatch.StartNew();
    foreach (var worker in workers) await worker.StartAsync(CancellationToken.None);
    while (workers.Any(w => w.Counters.Out + w.Counters.Rejected < events))
    {
        if (workers.FirstOrDefault(w => w.ExecuteTask is { IsFaulted: true }) is { } failed) throw failed.ExecuteTask!.Exception!;
        await Task.Delay(20);
    }
    clock.Stop();
    foreach (var worker in workers) await worker.StopAsync(CancellationToken.None);
    return clock.Elapsed;
}

var archiveAlone = await DrainAsync(1, s => [s.Archive]);
var warehouseAlone = await DrainAsync(2, s => [s.Warehouse]);
var both = await DrainAsync(3, s => [s.Archive, s.Warehouse]);

await using (var check = warehouse.CreateCommand("select count(*) from events where event_id = any($1)"))
{
    check.Parameters.Add(new NpgsqlParameter { Value = ids });
    var loaded = (long)(await check.ExecuteScalarAsync())!;
    if (loaded != events) throw new InvalidOperationException($"warehouse holds {loaded} of {events} events");
}

double Rate(TimeSpan t) => events / t.TotalSeconds;
var baseline = Rate(raw.Elapsed);
Console.WriteLine();
Console.WriteLine($"| Run ({events:N0} events, {shards} shards, hints {hints}) | Seconds | Events/s | Ratio to raw GetRecords drain |");
Console.WriteLine("|---|---:|---:|---:|");
void Row(string what, TimeSpan t) => Console.WriteLine($"| {what} | {t.TotalSeconds:0.00} | {Rate(t):N0} | {Rate(t) / baseline:0.00}x |");
Row("baseline: raw GetRecords drain, no delivery", raw.Elapsed);
Row("to-archive alone (gzip JSON lines -> s3rver)", archiveAlone);
Row("to-warehouse alone (stage + manifest + COPY)", warehouseAlone);
Row("both delivery streams together", both);

// Leave the shared warehouse as we found it (deleting is the admin's right, not the pipeline's).
await using (var admin = WarehouseDataSource.CreateAdmin(endpoints))
await using (var cleanup = admin.CreateBatch())
{
    cleanup.BatchCommands.Add(new NpgsqlBatchCommand("delete from events where event_id = any($1)") { Parameters = { new NpgsqlParameter { Value = ids } } });
    foreach (var table in new[] { "load_commits", "delivery_metrics" })
        cleanup.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {table} where delivery = any($1)") { Parameters = { new NpgsqlParameter { Value = deliveries.ToArray() } } });
    cleanup.BatchCommands.Add(new NpgsqlBatchCommand("delete from bad_events where source = any($1)") { Parameters = { new NpgsqlParameter { Value = deliveries.ToArray() } } });
    await cleanup.ExecuteNonQueryAsync();
}
await kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = stream });
await dynamo.DeleteTableAsync(leaseTable);
