using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Sandbox.Kinesis.Bench;

internal sealed record ReadResult(long Records, TimeSpan Elapsed, int Calls)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;
}

/// <summary>Reads every shard from TRIM_HORIZON to the tip with GetRecords (Limit 10,000), one reader per shard.</summary>
internal static class ReadWorkload
{
    public static async Task<ReadResult> RunAsync(KinesisHttp http, string stream)
    {
        using var shards = await http.CallAsync("ListShards", new { StreamName = stream });
        var shardIds = shards.RootElement.GetProperty("Shards").EnumerateArray().Select(s => s.GetProperty("ShardId").GetString()!).ToList();
        long records = 0;
        var calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(shardIds.Select(shardId => Task.Run(async () =>
        {
            using var start = await http.CallAsync("GetShardIterator", new { StreamName = stream, ShardId = shardId, ShardIteratorType = "TRIM_HORIZON" });
            var iterator = start.RootElement.GetProperty("ShardIterator").GetString();
            while (iterator is not null)
            {
                var body = Encoding.UTF8.GetBytes($"{{\"ShardIterator\":\"{iterator}\",\"Limit\":10000}}");
                var response = await http.CallRawAsync("GetRecords", body);
                Interlocked.Increment(ref calls);
                var (count, next, behind) = Scan(response);
                Interlocked.Add(ref records, count);
                if (count == 0 && behind == 0) break;
                iterator = next;
            }
        })));
        clock.Stop();
        return new ReadResult(records, clock.Elapsed, calls);
    }

    /// <summary>Counts records and finds the next iterator without building a document of 10,000 records.</summary>
    private static (int Count, string? Next, long Behind) Scan(byte[] response)
    {
        var reader = new Utf8JsonReader(response);
        int count = 0;
        string? next = null;
        long behind = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.CurrentDepth == 3 && reader.ValueTextEquals("SequenceNumber")) count++;
            else if (reader.CurrentDepth == 1 && reader.ValueTextEquals("NextShardIterator")) { reader.Read(); next = reader.GetString(); }
            else if (reader.CurrentDepth == 1 && reader.ValueTextEquals("MillisBehindLatest")) { reader.Read(); behind = reader.GetInt64(); }
        }
        return (count, next, behind);
    }
}
