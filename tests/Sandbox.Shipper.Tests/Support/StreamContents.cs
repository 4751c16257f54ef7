using System.Text;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;

namespace Sandbox.Shipper.Tests.Support;

/// <summary>Creates test streams and reads back every record of every shard (GetRecords from TRIM_HORIZON).</summary>
public static class StreamContents
{
    public static Task<string> CreateAsync(IKinesisClient client, int shards = 2) => client.CreateTestStreamAsync("shipper-test-", shards);

    public static async Task<List<(string PartitionKey, string Data)>> ReadAllAsync(IKinesisClient client, string stream)
    {
        var records = new List<(string, string)>();
        var shards = await client.ListShardsAsync(new ListShardsRequest { StreamName = stream });
        foreach (var shard in shards.Shards)
        {
            var iterator = (await client.GetShardIteratorAsync(new GetShardIteratorRequest
            {
                StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TRIM_HORIZON,
            })).ShardIterator;
            while (iterator is not null)
            {
                var page = await client.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10_000 });
                records.AddRange(page.Records.Select(r => (r.PartitionKey, Encoding.UTF8.GetString(r.Data.Span))));
                if (page.Records.Count == 0 && page.MillisBehindLatest is null or 0) break;
                iterator = page.NextShardIterator;
            }
        }
        return records;
    }
}
