using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;

namespace Sandbox.Generator.Tests.Output;

/// <summary>Every record a stream holds, shard by shard in sequence order (GetRecords from TRIM_HORIZON until caught up).</summary>
internal static class ShardRecords
{
    public static async Task<IReadOnlyList<Sandbox.Kinesis.Model.Record>> ReadEveryShardAsync(IKinesisClient client, string stream)
    {
        var all = new List<Sandbox.Kinesis.Model.Record>();
        foreach (var shard in (await client.ListShardsAsync(new ListShardsRequest { StreamName = stream })).Shards)
        {
            var request = new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TRIM_HORIZON };
            string? iterator = (await client.GetShardIteratorAsync(request)).ShardIterator;
            while (iterator is not null)
            {
                var page = await client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10_000 });
                all.AddRange(page.Records);
                iterator = page.Records.Count == 0 && page.MillisBehindLatest is null or 0 ? null : page.NextShardIterator;
            }
        }
        return all;
    }
}
