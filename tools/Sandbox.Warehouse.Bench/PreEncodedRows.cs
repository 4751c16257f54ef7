using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// The fastest client there is: the rows encoded as PostgreSQL binary COPY tuples before the clock
/// starts, then only written through Npgsql's raw binary COPY stream (one COPY on one connection, as
/// the loader's). Whatever the loader does beyond that is its own cost.
/// </summary>
internal sealed class PreEncodedRows
{
    // Binary COPY file: signature, flags (no OIDs), header extension length; trailer: field count -1.
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Trailer = [0xFF, 0xFF];
    private const int ChunkBytes = 1 << 20;
    private const byte JsonbVersion = 1;
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly List<(byte[] Bytes, int Length)> _chunks = [];

    public long Bytes => _chunks.Sum(c => (long)c.Length);

    public static PreEncodedRows Encode(IReadOnlyList<SyntheticEvent> rows)
    {
        var encoded = new PreEncodedRows();
        var row = new byte[64 * 1024];
        var chunk = new byte[ChunkBytes];
        var used = 0;
        foreach (var e in rows)
        {
            var length = EncodeRow(e, row);
            if (used + length > chunk.Length)
            {
                encoded._chunks.Add((chunk, used));
                (chunk, used) = (new byte[ChunkBytes], 0);
            }
            row.AsSpan(0, length).CopyTo(chunk.AsSpan(used));
            used += length;
        }
        encoded._chunks.Add((chunk, used));
        return encoded;
    }

    public async Task WriteAsync(NpgsqlConnection connection, string table)
    {
        await using var copy = await connection.BeginRawBinaryCopyAsync($"copy {table} ({RawCopyBaseline.Columns}) from stdin (format binary)");
        await copy.WriteAsync(Header);
        foreach (var (bytes, length) in _chunks) await copy.WriteAsync(bytes.AsMemory(0, length));
        await copy.WriteAsync(Trailer);
    }

    /// <summary>Fails unless these tuples store exactly the rows Npgsql's typed importer stores (checked once, untimed).</summary>
    public async Task CheckSameAsTypedAsync(NpgsqlDataSource database, IReadOnlyList<SyntheticEvent> rows)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand(
            "create temp table check_encoded as select * from events with no data; create temp table check_typed as select * from events with no data", connection))
            await create.ExecuteNonQueryAsync();
        await WriteAsync(connection, "check_encoded");
        await TypedImport.WriteAsync(connection, "check_typed", rows);
        await using var compare = new NpgsqlCommand(
            "select (select count(*) from check_encoded), (select count(*) from (table check_encoded except all table check_typed) a), " +
            "(select count(*) from (table check_typed except all table check_encoded) b)", connection);
        await using var reader = await compare.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (count, onlyEncoded, onlyTyped) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        if (count != rows.Count || onlyEncoded != 0 || onlyTyped != 0)
            throw new InvalidOperationException($"pre-encoded COPY stored {count:N0} rows ({onlyEncoded:N0} not in the typed import, {onlyTyped:N0} missing); expected the {rows.Count:N0} typed rows");
    }

    private static int EncodeRow(SyntheticEvent e, Span<byte> row)
    {
        BinaryPrimitives.WriteInt16BigEndian(row, 13);
        var at = 2;
        foreach (var text in (ReadOnlySpan<string?>)[e.EventId, e.EventName, e.UserId, e.AnonymousId, e.SessionId])
            at += Text(text, row[at..]);
        at += Timestamp(e.EventTime, row[at..]);
        at += Timestamp(e.ReceivedAt, row[at..]);
        foreach (var text in (ReadOnlySpan<string?>)[e.Platform, e.OsVersion, e.DeviceModel, e.AppVersion, e.Locale])
            at += Text(text, row[at..]);
        row[at + 4] = JsonbVersion;
        var json = Encoding.UTF8.GetBytes(e.Properties, row[(at + 5)..]);
        BinaryPrimitives.WriteInt32BigEndian(row[at..], json + 1);
        return at + 5 + json;
    }

    private static int Text(string? value, Span<byte> field)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(field, -1);
            return 4;
        }
        var length = Encoding.UTF8.GetBytes(value, field[4..]);
        BinaryPrimitives.WriteInt32BigEndian(field, length);
        return 4 + length;
    }

    private static int Timestamp(DateTime utc, Span<byte> field)
    {
        BinaryPrimitives.WriteInt32BigEndian(field, 8);
        BinaryPrimitives.WriteInt64BigEndian(field[4..], (utc - PostgresEpoch).Ticks / 10);
        return 12;
    }
}
