using System.Text;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Shipper.Records;

namespace Sandbox.Generator.SinkBench;

/// <summary>The baseline: the same lines with the same partition keys, PutRecords in batches of 500 by as many concurrent loops, nothing else.</summary>
internal static class RawPutRecords
{
    public static List<PutRecordsRequestEntry> Entries(IEnumerable<string> lines) =>
        lines.Select(Encoding.UTF8.GetBytes).Select(d => new PutRecordsRequestEntry { Data = d, PartitionKey = PartitionKey.For(d).Key }).ToList();

    public static async Task<long> PutAsync(IKinesisClient client, string stream, List<PutRecordsRequestEntry> entries, int concurrency)
    {
        var batches = entries.Chunk(500).ToArray();
        var next = -1;
        long failed = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length)
            {
                var response = await client.PutRecordsAsync(new PutRecordsRequest { StreamName = stream, Records = [.. batches[i]] });
                Interlocked.Add(ref failed, response.FailedRecordCount);
            }
        })));
        return entries.Count - failed;
    }
}
