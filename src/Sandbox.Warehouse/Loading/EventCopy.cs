using Npgsql;
using Sandbox.Core.IO;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// A binary COPY of event rows (encoded by <see cref="RowEncoder"/>), either straight into events (the
/// fast path, when no row is already there) or into the per-load staging table (temporary: no WAL,
/// dropped at commit) from which one INSERT .. ON CONFLICT moves the new rows into events. The rows
/// arrive already in COPY's binary tuple format; this adds the file header and trailer.
/// </summary>
internal sealed class EventCopy : IRowSink, IAsyncDisposable
{
    private static readonly byte[] Header = BinaryCopyRow.Header.ToArray();
    private static readonly byte[] Trailer = BinaryCopyRow.Trailer.ToArray();

    private readonly NpgsqlRawCopyStream _stream;
    private bool _ended;

    private EventCopy(NpgsqlRawCopyStream stream) => _stream = stream;

    public static Task<EventCopy> IntoEventsAsync(NpgsqlConnection connection, CancellationToken ct) =>
        StartAsync(connection, "events", ct);

    public static async Task<EventCopy> IntoStagingAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            $"create temp table if not exists staging_events on commit drop as select {RowEncoder.Columns} from events with no data", connection))
            await create.ExecuteNonQueryAsync(ct);
        return await StartAsync(connection, "staging_events", ct);
    }

    private static async Task<EventCopy> StartAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var stream = await connection.BeginRawBinaryCopyAsync($"copy {table} ({RowEncoder.Columns}) from stdin (format binary)", ct);
        await stream.WriteAsync(Header, ct);
        return new EventCopy(stream);
    }

    public void Write(ReadOnlySpan<byte> rows) => _stream.Write(rows);

    /// <summary>Ends the COPY; the server's verdict (e.g. a unique violation on event_id) is thrown from here.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        await _stream.WriteAsync(Trailer, ct);
        _ended = true;
        await _stream.DisposeAsync();
    }

    /// <summary>Moves the staged rows into events; returns how many were new (the rest were duplicates).</summary>
    public static async Task<long> InsertNewEventsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            $"insert into events ({RowEncoder.Columns}) select {RowEncoder.Columns} from staging_events on conflict (event_id) do nothing", connection);
        return await insert.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // Not completed: cancel, so that no partial COPY is ever applied.
        if (!_ended)
        {
            _ended = true;
            await _stream.CancelAsync();
        }
        await _stream.DisposeAsync();
    }
}
