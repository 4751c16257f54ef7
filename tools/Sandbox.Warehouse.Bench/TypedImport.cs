using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Warehouse.Bench;

/// <summary>Npgsql's typed binary importer (<see cref="NpgsqlBinaryImporter"/>) over rows already typed in memory: the usual client.</summary>
internal static class TypedImport
{
    public static async Task WriteAsync(NpgsqlConnection connection, string table, IReadOnlyList<SyntheticEvent> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {table} ({RawCopyBaseline.Columns}) from stdin (format binary)");
        foreach (var row in rows)
        {
            importer.StartRow();
            importer.Write(row.EventId, NpgsqlDbType.Text);
            importer.Write(row.EventName, NpgsqlDbType.Text);
            if (row.UserId is null) importer.WriteNull(); else importer.Write(row.UserId, NpgsqlDbType.Text);
            importer.Write(row.AnonymousId, NpgsqlDbType.Text);
            importer.Write(row.SessionId, NpgsqlDbType.Text);
            importer.Write(row.EventTime, NpgsqlDbType.TimestampTz);
            importer.Write(row.ReceivedAt, NpgsqlDbType.TimestampTz);
            importer.Write(row.Platform, NpgsqlDbType.Text);
            importer.Write(row.OsVersion, NpgsqlDbType.Text);
            importer.Write(row.DeviceModel, NpgsqlDbType.Text);
            importer.Write(row.AppVersion, NpgsqlDbType.Text);
            importer.Write(row.Locale, NpgsqlDbType.Text);
            importer.Write(row.Properties, NpgsqlDbType.Jsonb);
        }
        await importer.CompleteAsync();
    }
}
