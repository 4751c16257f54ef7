using Amazon.DynamoDBv2;
using Sandbox.ClickLog;
using Sandbox.Firehose;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// Each consumer's iterator age per shard, measured from outside the consumer processes as
/// CloudWatch's GetRecords.IteratorAgeMilliseconds would show it: from the consumer's checkpoint in
/// the lease table, one GetRecords (limit 1) after it returns MillisBehindLatest. The checkpoint
/// trails what a consumer has read by its checkpoint interval, so this is an upper bound.
/// </summary>
public sealed class IteratorAges(IKinesisClient kinesis, IAmazonDynamoDB dynamo, string leaseTable, string stream)
{
    /// <summary>The lease applications of the three consumers (as the boxes name them).</summary>
    public static readonly IReadOnlyList<(string Consumer, string Application)> Consumers =
    [
        (FirehoseOptions.WarehouseStreamName, $"firehose-{FirehoseOptions.WarehouseStreamName}"),
        (FirehoseOptions.ArchiveStreamName, $"firehose-{FirehoseOptions.ArchiveStreamName}"),
        ("click-log", $"lambda-esm-{new ClickLogOptions().MappingUuid}"),
    ];

    /// <summary>consumer -> shard id -> milliseconds behind the stream's tip (0 when caught up).</summary>
    public async Task<Dictionary<string, Dictionary<string, long>>> ReadAsync(CancellationToken cancellationToken)
    {
        var shards = (await kinesis.ListShardsAsync(new ListShardsRequest { StreamName = stream }, cancellationToken)).Shards;
        var ages = new Dictionary<string, Dictionary<string, long>>();
        foreach (var (consumer, application) in Consumers)
        {
            var leases = (await new LeaseTable(dynamo, leaseTable, application).ListAsync(cancellationToken)).ToDictionary(l => l.ShardId);
            var perShard = new Dictionary<string, long>();
            foreach (var shard in shards)
            {
                var checkpoint = leases.TryGetValue(shard.ShardId!, out var lease) ? lease.Checkpoint : Checkpoints.TrimHorizon;
                if (checkpoint == Checkpoints.ShardEnd) continue;
                perShard[shard.ShardId!] = await BehindAsync(shard.ShardId!, checkpoint, cancellationToken);
            }
            ages[consumer] = perShard;
        }
        return ages;
    }

    private async Task<long> BehindAsync(string shardId, string checkpoint, CancellationToken cancellationToken)
    {
        var iterator = await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamName = stream,
            ShardId = shardId,
            ShardIteratorType = checkpoint == Checkpoints.TrimHorizon ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            StartingSequenceNumber = checkpoint == Checkpoints.TrimHorizon ? null : checkpoint,
        }, cancellationToken);
        var records = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator.ShardIterator, Limit = 1 }, cancellationToken);
        return records.MillisBehindLatest ?? 0;
    }
}
