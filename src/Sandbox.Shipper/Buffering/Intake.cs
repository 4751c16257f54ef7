using Sandbox.Core.Pipeline;
using Sandbox.Shipper.Records;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Buffering;

/// <summary>
/// Where read lines go: each is counted in, then either added to the open chunk with its
/// partition key or written to the bad-lines file with its reason. Sealing a chunk spills it to
/// disk, and only then acknowledges the read positions it reached (pos file) and queues it for sending.
/// </summary>
internal sealed class Intake(
    ShipperOptions options, ChunkStore store, ChunkQueue queue, BadLinesFile badLines, PositionBook positions,
    WorkerCounters counters, ShipperStats stats) : ILineSink
{
    /// <summary>Kinesis' limit on data plus partition key of one record.</summary>
    public const int MaxRecordBytes = 1 << 20;

    private readonly ChunkBuilder _builder = new(options.ChunkLimitBytes, options.TimeProvider);
    private CancellationToken _cancellation;

    public long NextSequence { get; set; } = 1;

    public bool HasPending => _builder.Count > 0 || _builder.HasPositions;

    public void Take(TailedFile file, ReadOnlySpan<byte> line, long endOffset)
    {
        counters.AddIn(1);
        stats.AddBytesRead(line.Length + 1);
        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            stats.AddEmptyLine();
            Reject(RejectReason.EmptyLine, "the line is blank", file, endOffset, line);
        }
        else if (line.Length >= MaxRecordBytes)
        {
            stats.AddTooLarge();
            Reject(RejectReason.RecordTooLarge, $"{line.Length} bytes; a Kinesis record holds at most {MaxRecordBytes} bytes of data and partition key", file, endOffset, line);
        }
        else Accept(file, line, endOffset);
        if (_builder.IsFull) Seal(_cancellation);
    }

    public void Reached(TailedFile file, long offset) => _builder.Advance(file.Path, new FilePosition(file.Inode, offset));

    /// <summary>The token that unblocks a seal waiting for buffer space.</summary>
    public void Use(CancellationToken cancellationToken) => _cancellation = cancellationToken;

    public void SealIfDue(CancellationToken cancellationToken)
    {
        if (_builder.IsOlderThan(options.FlushInterval)) Seal(cancellationToken);
    }

    public void Seal(CancellationToken cancellationToken, bool enqueue = true)
    {
        if (!HasPending) return;
        Chunk? chunk = null;
        if (_builder.Count > 0)
        {
            chunk = _builder.Seal(NextSequence++);
            store.Spill(chunk);
            stats.AddChunk();
        }
        var reached = chunk?.Positions ?? _builder.TakePositions();
        badLines.Flush();
        positions.Apply(reached);
        positions.Save();
        if (chunk is not null && enqueue) queue.Add(chunk, cancellationToken);
    }

    private void Accept(TailedFile file, ReadOnlySpan<byte> line, long endOffset)
    {
        var (key, source) = PartitionKey.For(line);
        if (line.Length + System.Text.Encoding.UTF8.GetByteCount(key) > MaxRecordBytes)
        {
            stats.AddTooLarge();
            Reject(RejectReason.RecordTooLarge, $"{line.Length} bytes plus the partition key exceed Kinesis' {MaxRecordBytes}-byte record limit", file, endOffset, line);
            return;
        }
        if (source == KeySource.FallbackNotJson) stats.AddNotJson();
        else if (source == KeySource.FallbackNoId) stats.AddNoId();
        _builder.Add(line, key);
        _builder.Advance(file.Path, new FilePosition(file.Inode, endOffset));
    }

    private void Reject(RejectReason reason, string detail, TailedFile file, long endOffset, ReadOnlySpan<byte> line)
    {
        badLines.Write(reason, detail, file.Source, Math.Max(0, endOffset - line.Length - 1), line);
        counters.AddRejected(1);
        _builder.Advance(file.Path, new FilePosition(file.Inode, endOffset));
    }
}
