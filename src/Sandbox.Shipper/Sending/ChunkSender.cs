using Microsoft.Extensions.Logging;
using Sandbox.Core.Pipeline;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;
using Sandbox.Shipper.Buffering;

namespace Sandbox.Shipper.Sending;

/// <summary>
/// Sends one chunk as PutRecords batches (at most 500 records and 5 MiB each). A batch round
/// retries only its failed records (PutRecordsWithRetryAsync); if a round still leaves records
/// unsent (Kinesis down, throttled for long) the chunk keeps only those and goes again after
/// fluentd's retry_wait, doubling up to retry_max_interval — it is never dropped.
/// </summary>
internal sealed class ChunkSender(IKinesisClient client, ShipperOptions options, WorkerCounters counters, ShipperStats stats, ILogger log)
{
    public const int MaxBatchRecords = 500;
    public const long MaxBatchBytes = 5L << 20;

    public async Task SendAsync(Chunk chunk, CancellationToken cancellationToken)
    {
        IReadOnlyList<int> pending = Enumerable.Range(0, chunk.Count).ToArray();
        var wait = options.ChunkRetryWait;
        while (true)
        {
            var (unsent, error) = await SendRoundAsync(chunk, pending, cancellationToken).ConfigureAwait(false);
            if (unsent.Count == 0) return;
            stats.AddFailed(unsent.Count);
            // The stream's write quota is backpressure (counted in ShipperStats.Throttled and the progress line);
            // anything else (Kinesis down, records refused for good) may need a person.
            log.Log(OnlyThrottled(error) ? LogLevel.Debug : LogLevel.Warning,
                "chunk {Sequence}: {Unsent} of {Count} records unsent, trying again in {Wait:N1} s: {Error}",
                chunk.Sequence, unsent.Count, chunk.Count, wait.TotalSeconds, error?.Message);
            await Task.Delay(wait, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, options.ChunkRetryMaxWait.Ticks));
            pending = unsent;
        }
    }

    private static bool OnlyThrottled(PutRecordsIncompleteException? error) =>
        error is { InnerException: null }
        && error.Results.Where(r => !r.Succeeded).All(r => r.ErrorCode == PutRecordsCountingClient.ThrottledErrorCode);

    private async Task<(List<int> Unsent, PutRecordsIncompleteException? Error)> SendRoundAsync(Chunk chunk, IReadOnlyList<int> pending, CancellationToken cancellationToken)
    {
        var unsent = new List<int>();
        foreach (var batch in Batches(chunk, pending))
        {
            try
            {
                await client.PutRecordsWithRetryAsync(Request(chunk, batch), options.SendRetry, cancellationToken).ConfigureAwait(false);
                counters.AddOut(batch.Count);
            }
            catch (PutRecordsIncompleteException e)
            {
                for (var k = 0; k < batch.Count; k++)
                    if (!e.Results[k].Succeeded) unsent.Add(batch[k]);
                counters.AddOut(batch.Count - e.UnsentCount);
                // The stream is unhealthy: leave the rest of the chunk for the next round.
                unsent.AddRange(pending.SkipWhile(i => i != batch[^1]).Skip(1));
                return (unsent, e);
            }
        }
        return (unsent, null);
    }

    private PutRecordsRequest Request(Chunk chunk, List<int> batch)
    {
        var records = new List<PutRecordsRequestEntry>(batch.Count);
        foreach (var i in batch) records.Add(new PutRecordsRequestEntry { Data = chunk.Data(i), PartitionKey = chunk.Keys[i] });
        return new PutRecordsRequest { StreamName = options.StreamName, Records = records };
    }

    private static IEnumerable<List<int>> Batches(Chunk chunk, IReadOnlyList<int> pending)
    {
        var batch = new List<int>(MaxBatchRecords);
        long bytes = 0;
        foreach (var i in pending)
        {
            var size = chunk.QuotaSize(i);
            if (batch.Count == MaxBatchRecords || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = new List<int>(MaxBatchRecords);
                bytes = 0;
            }
            batch.Add(i);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }
}
