using System.Text;
using System.Threading.Channels;
using Sandbox.Generator.Output;
using Sandbox.Generator;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;
using Sandbox.Kinesis;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>
/// One PutRecords loop: takes what is queued (up to 500 records / 5 MB) and sends it, one batch at a
/// time, so the records of a partition key routed here reach Kinesis in the order they were queued.
/// </summary>
internal sealed class PartitionSender(IKinesisClient client, KinesisSinkOptions options, KinesisSendStats stats)
{
    // Under pacing the queue holds a few records at a time: wait this long for more before a small batch.
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(25);

    private readonly Channel<PutRecordsRequestEntry> _queue = Channel.CreateBounded<PutRecordsRequestEntry>(
        new BoundedChannelOptions(2 * KinesisSinkOptions.MaxBatchRecords) { SingleReader = true, SingleWriter = true });

    public ChannelWriter<PutRecordsRequestEntry> Queue => _queue.Writer;

    public async Task RunAsync(CancellationToken ct)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            var batch = new List<PutRecordsRequestEntry>(KinesisSinkOptions.MaxBatchRecords);
            var bytes = Take(reader, batch, 0);
            if (batch.Count < KinesisSinkOptions.MaxBatchRecords && !reader.Completion.IsCompleted)
            {
                await Task.Delay(Linger, ct);
                Take(reader, batch, bytes);
            }
            await SendAsync(batch, ct);
        }
    }

    private static long Take(ChannelReader<PutRecordsRequestEntry> reader, List<PutRecordsRequestEntry> batch, long bytes)
    {
        while (batch.Count < KinesisSinkOptions.MaxBatchRecords && reader.TryPeek(out var next))
        {
            // Kinesis counts data plus partition key against the 5 MB request limit.
            var size = next.Data.Length + Encoding.UTF8.GetByteCount(next.PartitionKey!);
            if (batch.Count > 0 && bytes + size > KinesisSinkOptions.MaxBatchBytes) break;
            reader.TryRead(out _);
            batch.Add(next);
            bytes += size;
        }
        return bytes;
    }

    private async Task SendAsync(List<PutRecordsRequestEntry> batch, CancellationToken ct)
    {
        stats.AddBatch(batch.Count);
        try
        {
            await client.PutRecordsWithRetryAsync(new PutRecordsRequest { StreamName = options.StreamName, Records = batch }, options.Retry, ct);
            stats.AddSent(batch.Count);
        }
        catch (PutRecordsIncompleteException e)
        {
            stats.AddSent(e.TotalCount - e.UnsentCount);
            stats.AddFailed(e.UnsentCount);
            throw;
        }
    }
}
