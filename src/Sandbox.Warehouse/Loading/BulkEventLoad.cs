using Npgsql;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>What one committed bulk load did.</summary>
public sealed record BulkLoadCounts(long Lines, long Inserted, long Duplicates, long Bad);

/// <summary>
/// A bulk load of event lines outside the COPY-manifest path, through the loader's own checks: each
/// staged chunk is checked line by line and binary-COPYed into a staging table; <see cref="CommitAsync"/>
/// inserts the new rows (ON CONFLICT (event_id) DO NOTHING) and the bad lines, in one transaction.
/// </summary>
public sealed class BulkEventLoad : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly LoadBatch _batch;
    private EventCopy? _copy;

    private BulkEventLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, EventCopy copy, LoadBatch batch)
    {
        (_connection, _transaction, _copy, _batch) = (connection, transaction, copy, batch);
    }

    /// <summary>Opens a transaction on <paramref name="connection"/>; nothing is visible until commit.</summary>
    public static async Task<BulkEventLoad> BeginAsync(NpgsqlConnection connection, EventValidator validator, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(ct);
        var copy = await EventCopy.IntoStagingAsync(connection, ct);
        return new BulkEventLoad(connection, transaction, copy, new LoadBatch(validator, skipRepeatedIds: false));
    }

    /// <summary>Checks and stages newline-separated lines; <paramref name="reference"/> names them in bad_events.line_ref.</summary>
    public void Stage(string reference, ReadOnlyMemory<byte> lines, CancellationToken ct)
    {
        var copy = _copy ?? throw new InvalidOperationException("the bulk load is already committed");
        var stream = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(lines, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(lines.ToArray(), writable: false);
        _batch.Stage(reference, new LineReader(stream), copy, ct);
    }

    /// <summary>Moves the staged rows into events and the bad lines into bad_events under <paramref name="source"/>, then commits.</summary>
    public async Task<BulkLoadCounts> CommitAsync(string source, CancellationToken ct)
    {
        var copy = _copy ?? throw new InvalidOperationException("the bulk load is already committed");
        await copy.CompleteAsync(ct);
        await copy.DisposeAsync();
        _copy = null;
        var inserted = await EventCopy.InsertNewEventsAsync(_connection, ct);
        await BadEventWriter.InsertAsync(_connection, source, _batch.BadLines, ct);
        await _transaction.CommitAsync(ct);
        return new BulkLoadCounts(_batch.Lines, inserted, _batch.Staged - inserted, _batch.BadLines.Count);
    }

    /// <summary>An uncommitted load rolls back with its transaction.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
        await _transaction.DisposeAsync();
    }
}
