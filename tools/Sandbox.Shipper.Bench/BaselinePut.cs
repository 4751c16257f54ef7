using System.Diagnostics;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Shipper.Records;

namespace Sandbox.Shipper.Bench;

/// <summary>
/// The baseline: the same lines, already in memory with their partition keys, sent with the raw
/// client's PutRecordsAsync in batches of 500 by as many concurrent senders as the shipper uses.
/// No files, no buffer, no retries: what the shipper's work costs on top of this is the ratio.
/// </summary>
internal static class BaselinePut
{
    public static List<PutRecordsRequestEntry> Records(IEnumerable<byte[]> lines) =>
        lines.Select(l => new PutRecordsRequestEntry { Data = l, PartitionKey = PartitionKey.For(l).Key }).ToList();

    public static async Task<TimeSpan> RunAsync(IKinesisClient client, string stream, List<PutRecordsRequestEntry> records, int senders)
    {
        var next = -1;
        var batches = records.Chunk(500).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length)
            {
                var response = await client.PutRecordsAsync(new PutRecordsRequest { StreamName = stream, Records = [.. batches[i]] });
                if (response.FailedRecordCount != 0) throw new InvalidOperationException($"baseline: {response.FailedRecordCount} records refused");
            }
        })));
        return clock.Elapsed;
    }
}
