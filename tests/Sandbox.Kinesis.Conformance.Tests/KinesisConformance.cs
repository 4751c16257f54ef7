using System.Numerics;
using System.Text;
using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Kinesis.Model;
using Record = Sandbox.Kinesis.Model.Record;

namespace Sandbox.Kinesis.Conformance.Tests;

/// <summary>
/// The conformance suite: every test runs once per target (one derived class each) and expects
/// what AWS documents, except where the target declares a <see cref="Deviation"/>. Data stays
/// tiny: kinesis-local slows down with every stored record.
/// </summary>
public abstract partial class KinesisConformance(KinesisTarget target)
{
    protected KinesisTarget Target { get; } = target;
    protected KinesisClient Client => Target.Client;

    /// <summary>Every test starts here: skips with the reason when the target cannot run on this machine.</summary>
    protected void RequireTarget() => Skip.If(Target.UnavailableReason is not null, Target.UnavailableReason);

    protected static string NewStreamName(string purpose) => $"conf-{purpose}-{Guid.NewGuid():N}";

    protected async Task<string> CreateActiveStreamAsync(string purpose, int shards = 1)
    {
        RequireTarget();
        var name = NewStreamName(purpose);
        await Client.CreateStreamAsync(new() { StreamName = name, ShardCount = shards });
        await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30));
        return name;
    }

    protected async Task<List<Shard>> ShardsAsync(string stream) =>
        (await Client.ListShardsAsync(new() { StreamName = stream })).Shards;

    protected static PutRecordsRequestEntry Entry(string partitionKey, string data, string? explicitHashKey = null) =>
        new() { PartitionKey = partitionKey, Data = Encoding.UTF8.GetBytes(data), ExplicitHashKey = explicitHashKey };

    protected static string Text(Record record) => Encoding.UTF8.GetString(record.Data.Span);

    protected async Task<string> IteratorAsync(string stream, string shardId, ShardIteratorType type,
        string? sequenceNumber = null, DateTimeOffset? timestamp = null) =>
        (await Client.GetShardIteratorAsync(new()
        {
            StreamName = stream, ShardId = shardId, ShardIteratorType = type,
            StartingSequenceNumber = sequenceNumber, Timestamp = timestamp,
        })).ShardIterator;

    /// <summary>Follows NextShardIterator until a call returns nothing new (or the shard is closed and done).</summary>
    protected async Task<(List<Record> Records, GetRecordsResponse Last)> ReadToTipAsync(string iterator, int? limit = null)
    {
        var records = new List<Record>();
        for (var calls = 0; calls < 50; calls++)
        {
            var page = await Client.GetRecordsAsync(new() { ShardIterator = iterator, Limit = limit });
            records.AddRange(page.Records);
            if (page.NextShardIterator is null || (page.Records.Count == 0 && page.MillisBehindLatest == 0))
                return (records, page);
            iterator = page.NextShardIterator;
        }
        throw new InvalidOperationException($"{Target}: still reading after 50 GetRecords calls");
    }

    /// <summary>Where shard i of n starts after an even split, on this target.</summary>
    protected BigInteger EvenShardStart(int index, int count) =>
        Target.Deviates(Deviation.HashRangeStepIsMaxOverShardCount) ? index * (HashKeys.Max / count) : HashKeys.EvenStart(index, count);

    protected static BigInteger Sequence(string sequenceNumber) => BigInteger.Parse(sequenceNumber);
}
