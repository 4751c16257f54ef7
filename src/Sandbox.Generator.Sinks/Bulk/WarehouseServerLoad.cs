using Npgsql;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Output;
using Sandbox.Generator;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// One server's hourly loads. Lines collect in a chunk buffer that the warehouse's <see cref="BulkEventLoad"/>
/// stages (check, parse, COPY); at the end of each received_at hour the staged rows are inserted and committed.
/// </summary>
internal sealed class WarehouseServerLoad : IServerEventStream
{
    private const long HourMs = 3_600_000;
    private const int ChunkBytes = 1 << 20;

    private readonly NpgsqlConnection _connection;
    private readonly EventValidator _validator;
    private readonly string _lineRef;
    private readonly WarehouseBulkStats _stats;
    private byte[] _chunk = new byte[ChunkBytes];
    private int _chunkLength, _chunkIndex;
    private long _hour = long.MinValue, _lines, _bytes;
    private BulkEventLoad? _load;

    public WarehouseServerLoad(NpgsqlConnection connection, EventValidator validator, string lineRef, WarehouseBulkStats stats)
    {
        _connection = connection;
        _validator = validator;
        _lineRef = lineRef;
        _stats = stats;
    }

    public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
    {
        var hour = receivedAtUnixMs / HourMs * HourMs;
        if (hour != _hour)
        {
            if (hour < _hour) throw new InvalidOperationException($"{_lineRef}: received_at went back from hour {_hour} to {hour}; lines must arrive in order");
            CommitHour();
            BeginHour(hour);
        }
        if (_chunkLength + line.Length + 1 > _chunk.Length)
        {
            StageChunk();
            if (line.Length + 1 > _chunk.Length) _chunk = new byte[line.Length + 1];
        }
        line.CopyTo(_chunk.AsSpan(_chunkLength));
        _chunkLength += line.Length;
        _chunk[_chunkLength++] = (byte)'\n';
        _lines++;
        _bytes += line.Length;
    }

    public IReadOnlyList<SinkOutput> Complete()
    {
        CommitHour();
        var server = _lineRef[(_lineRef.LastIndexOf('/') + 1)..];
        return [new SinkOutput($"warehouse:events/{server}", _lines, _bytes)];
    }

    public void Dispose()
    {
        // Only an unfinished hour is left here after a failure: it rolls back with its transaction.
        _load?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _connection.Dispose();
    }

    private void BeginHour(long hour)
    {
        _hour = hour;
        _chunkIndex = 0;
        _load = BulkEventLoad.BeginAsync(_connection, _validator, CancellationToken.None).GetAwaiter().GetResult();
    }

    private void StageChunk()
    {
        if (_chunkLength == 0) return;
        var reference = $"{_lineRef}/{DateTime.UnixEpoch.AddMilliseconds(_hour):yyyyMMddHH}#{_chunkIndex++}";
        _load!.Stage(reference, _chunk.AsMemory(0, _chunkLength), CancellationToken.None);
        _chunkLength = 0;
    }

    private void CommitHour()
    {
        if (_load is null) return;
        StageChunk();
        var counts = _load.CommitAsync(WarehouseBulkSink.Source, CancellationToken.None).GetAwaiter().GetResult();
        _load.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _load = null;
        _stats.AddHour(counts.Lines, counts.Inserted, counts.Duplicates, counts.Bad);
    }
}
