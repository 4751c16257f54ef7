using Sandbox.Firehose.Consumer;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Testing;

namespace Sandbox.Firehose.Tests.Consumer;

/// <summary>Several consumers share a shard's 5 GetRecords/s quota, as to-archive, to-warehouse and the click-log Lambda do.</summary>
public class ShardReaderThrottleTests
{
    [Fact]
    public async Task Readers_sharing_a_throttled_shard_back_off_and_each_read_every_record()
    {
        await using var engine = await KinesisEngine.StartAsync(limits: true);
        using var kinesis = engine.CreateClient();
        var stream = $"throttle-{Guid.NewGuid():N}"[..20];
        await kinesis.CreateStreamAsync(new() { StreamName = stream, ShardCount = 1 });
        await kinesis.PutRecordsAsync(new()
        {
            StreamName = stream,
            Records = [.. Enumerable.Range(0, 50).Select(i => new PutRecordsRequestEntry { Data = new[] { (byte)i }, PartitionKey = "k" })],
        });
        var shard = (await kinesis.ListShardsAsync(new() { StreamName = stream })).Shards[0].ShardId;
        var readers = Enumerable.Range(0, 4)
            .Select(i => new ShardReader(kinesis, stream, new Lease($"app{i}", shard, Checkpoints.TrimHorizon, "me", 0, []), 10))
            .ToList();

        var received = readers.ToDictionary(r => r, _ => 0);
        // Needs 20 calls at 5/s (4 s); the backoff is not fair between readers, and a loaded CI box is slower.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (received.Values.Any(n => n < 50) && DateTime.UtcNow < deadline)
        {
            foreach (var reader in readers) received[reader] += (await reader.ReadAsync(CancellationToken.None)).Count;
            await Task.Delay(20);
        }

        Assert.All(received.Values, count => Assert.Equal(50, count));
        Assert.True(readers.Sum(r => r.Throttled) > 0, "4 readers at 5 calls/s each should have met the shard's quota");
    }
}
