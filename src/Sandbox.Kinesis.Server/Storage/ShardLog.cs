using System.Buffers;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// The records of one shard: a chain of segment files, appended under one lock, read lock-free.
/// Positions are 0-based and dense; sequence numbers are derived from them.
/// </summary>
public sealed class ShardLog : IDisposable
{
    private readonly string _directory;
    private readonly ShardLogOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _appendLock = new();
    private readonly List<Segment> _deleted = [];
    private Segment[] _segments;
    private bool _closed;

    private ShardLog(string directory, ShardLogOptions options, TimeProvider time, Segment[] segments)
    {
        _directory = directory;
        _options = options;
        _time = time;
        _segments = segments;
    }

    /// <summary>Opens (or creates) the log in <paramref name="directory"/>, repairing a torn tail.</summary>
    public static ShardLog Open(string directory, ShardLogOptions options, TimeProvider time)
    {
        Directory.CreateDirectory(directory);
        var bases = Directory.EnumerateFiles(directory, "*" + Segment.DataExtension)
            .Select(path => Segment.TryParseBase(path, out var b) ? b : -1)
            .Where(b => b >= 0)
            .Order()
            .ToList();
        var segments = bases.Select(b => Segment.Open(directory, b, options.IndexInterval)).ToList();
        if (segments.Count == 0) segments.Add(Segment.Create(directory, 0));
        return new ShardLog(directory, options, time, [.. segments]);
    }

    private Segment[] Segments => Volatile.Read(ref _segments);

    /// <summary>The position the next appended record will get.</summary>
    public long TipPosition => Segments[^1].NextPosition;

    /// <summary>The oldest position still stored (older ones were trimmed by retention).</summary>
    public long TrimHorizonPosition => Segments[0].BasePosition;

    public long LastArrivalMs => Segments.LastOrDefault(s => !s.IsEmpty)?.LastArrivalMs ?? 0;

    public bool IsClosed
    {
        get { lock (_appendLock) return _closed; }
    }

    public AppendResult Append(ReadOnlySpan<AppendRecord> records)
    {
        if (records.IsEmpty) throw new ArgumentException("nothing to append", nameof(records));
        var size = 0;
        foreach (var record in records) size += record.FrameSize;
        var frames = ArrayPool<byte>.Shared.Rent(size);
        var placements = ArrayPool<(long, int, long)>.Shared.Rent(records.Length);
        try
        {
            lock (_appendLock)
            {
                if (_closed) throw new ShardClosedException($"shard log {_directory} is closed");
                var segment = Segments[^1];
                var arrivalMs = Math.Max(_time.GetUtcNow().ToUnixTimeMilliseconds(), segment.LastArrivalMs);
                if (ShouldRoll(segment, arrivalMs)) segment = Roll(segment);
                var position = segment.NextPosition;
                var offset = 0;
                for (var i = 0; i < records.Length; i++)
                {
                    placements[i] = (position + i, offset, arrivalMs);
                    offset += RecordFrame.Write(frames.AsSpan(offset), position + i, arrivalMs, records[i].PartitionKey, records[i].Data);
                }
                segment.Append(frames.AsSpan(0, offset), placements.AsSpan(0, records.Length), _options.IndexInterval);
                return new AppendResult(position, arrivalMs);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frames);
            ArrayPool<(long, int, long)>.Shared.Return(placements);
        }
    }

    /// <summary>Stops appends for good (resharding); returns the tip, so positions below it are final.</summary>
    public long Close()
    {
        lock (_appendLock)
        {
            _closed = true;
            return TipPosition;
        }
    }

    /// <summary>Reads up to <paramref name="maxRecords"/> records / <paramref name="maxDataBytes"/> from a position.</summary>
    public ReadResult Read(long position, int maxRecords, long maxDataBytes)
    {
        var segments = Segments;
        position = Math.Max(position, segments[0].BasePosition);
        var records = new RecordList(Math.Min(maxRecords, 1024));
        var buffers = new List<byte[]>();
        long dataBytes = 0;
        var next = position;
        for (var i = FindSegment(segments, position); i < segments.Length && records.Count < maxRecords; i++)
        {
            var segment = segments[i];
            var start = segment.Index.FloorByPosition(next);
            if (start is null) continue;
            using var cursor = new SegmentCursor(segment, start.Value.Offset, segment.EndOffset, retainBuffers: true);
            var full = false;
            while (cursor.TryNext(validate: false, out var record, out _, out _))
            {
                if (record.Position < next) continue;
                if (records.Count > 0 && dataBytes + record.DataLength > maxDataBytes) { full = true; break; }
                records.Add(record);
                dataBytes += record.DataLength;
                next = record.Position + 1;
                if (records.Count >= maxRecords) { full = true; break; }
            }
            buffers.AddRange(cursor.DetachBuffers());
            if (full) break;
            if (i + 1 < segments.Length) next = Math.Max(next, segments[i + 1].BasePosition);
        }
        return new ReadResult(records, next, buffers);
    }

    /// <summary>The first position whose record arrived at or after <paramref name="arrivalMs"/> (the tip if none).</summary>
    public long PositionAtTimestamp(long arrivalMs)
    {
        foreach (var segment in Segments)
        {
            if (segment.IsEmpty || segment.LastArrivalMs < arrivalMs) continue;
            var start = segment.Index.FloorByArrivalBefore(arrivalMs) ?? segment.Index.FloorByPosition(segment.BasePosition)!.Value;
            using var cursor = new SegmentCursor(segment, start.Offset, segment.EndOffset, retainBuffers: false);
            while (cursor.TryNext(validate: false, out var record, out _, out _))
                if (record.ArrivalMs >= arrivalMs) return record.Position;
        }
        return TipPosition;
    }

    /// <summary>Deletes whole segments whose newest record arrived before <paramref name="cutoffMs"/>.</summary>
    public int TrimBefore(long cutoffMs)
    {
        lock (_appendLock)
        {
            // Handles of segments deleted on the previous pass: no read can still be using them.
            foreach (var old in _deleted) old.Dispose();
            _deleted.Clear();

            var last = Segments[^1];
            if (!last.IsEmpty && last.LastArrivalMs < cutoffMs) Roll(last);
            var segments = Segments;
            var expired = segments.TakeWhile((s, i) => i < segments.Length - 1 && (s.IsEmpty || s.LastArrivalMs < cutoffMs)).Count();
            Volatile.Write(ref _segments, segments[expired..]);
            foreach (var segment in segments[..expired])
            {
                segment.DeleteFiles();
                _deleted.Add(segment);
            }
            return expired;
        }
    }

    /// <summary>fsync of the segment being written (older ones were synced when they were rolled).</summary>
    public void Sync() => Segments[^1].Sync();

    public void Dispose()
    {
        lock (_appendLock)
        {
            _closed = true; // a write racing a DeleteStream gets ShardClosedException, not a disposed file
            foreach (var segment in Segments)
            {
                segment.Sync();
                segment.Dispose();
            }
            foreach (var old in _deleted) old.Dispose();
        }
    }

    private bool ShouldRoll(Segment segment, long arrivalMs) =>
        !segment.IsEmpty && (segment.EndOffset >= _options.MaxSegmentBytes
            || arrivalMs - segment.FirstArrivalMs >= (long)_options.MaxSegmentAge.TotalMilliseconds);

    private Segment Roll(Segment current)
    {
        current.Sync();
        var next = Segment.Create(_directory, current.NextPosition);
        Volatile.Write(ref _segments, [.. Segments, next]);
        return next;
    }

    private static int FindSegment(Segment[] segments, long position)
    {
        int low = 0, high = segments.Length - 1, found = 0;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (segments[mid].BasePosition <= position) { found = mid; low = mid + 1; }
            else high = mid - 1;
        }
        return found;
    }
}
