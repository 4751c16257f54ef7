using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// One server's lines as Firehose delivery batches: a batch closes at the end of a received_at hour
/// or at the buffer size. Records are slices of one arena, reused once the batch is delivered.
/// </summary>
internal sealed class ArchiveServerBatches(ArchiveDestination destination, string server, long bufferBytes, ArchiveBulkStats stats)
    : IServerEventStream
{
    private const long HourMs = 3_600_000;
    private readonly List<BufferedRecord> _records = [];
    private byte[] _arena = new byte[bufferBytes];
    private int _used;
    private long _hour = long.MinValue, _lines, _bytes;

    public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
    {
        var hour = receivedAtUnixMs / HourMs * HourMs;
        if (hour != _hour || _used + line.Length > _arena.Length) Deliver();
        _hour = hour;
        if (line.Length > _arena.Length) _arena = new byte[line.Length];
        line.CopyTo(_arena.AsSpan(_used));
        _lines++;
        // Firehose names the shard and sequence a record came from; here: the server and its line number.
        _records.Add(new BufferedRecord($"generator-{server}", _lines.ToString(), _arena.AsMemory(_used, line.Length),
            DateTimeOffset.FromUnixTimeMilliseconds(receivedAtUnixMs)));
        _used += line.Length;
        _bytes += line.Length;
    }

    public IReadOnlyList<SinkOutput> Complete()
    {
        Deliver();
        return [new SinkOutput($"archive:{server}", _lines, _bytes)];
    }

    public void Dispose() { }

    private void Deliver()
    {
        if (_records.Count == 0) return;
        var outcome = destination.DeliverAsync(new DeliveryBatch(_records.ToArray()), CancellationToken.None).GetAwaiter().GetResult();
        stats.AddDelivery(outcome.Delivered, outcome.RoutedToErrors, outcome.Bytes);
        _records.Clear();
        _used = 0;
    }
}
