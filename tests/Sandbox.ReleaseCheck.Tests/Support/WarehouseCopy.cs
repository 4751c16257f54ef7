using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.ReleaseCheck.Tests.Support;

/// <summary>Copies the in-memory DuckDB events into a warehouse database (binary COPY), then ANALYZEs it.</summary>
internal static class WarehouseCopy
{
    private static readonly string[] Texts = ["event_id", "event_name", "user_id", "anonymous_id", "session_id", "platform", "os_version", "device_model", "app_version", "locale"];

    public static async Task LoadAsync(DuckDBConnection source, NpgsqlDataSource target)
    {
        await using var connection = await target.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"copy events ({string.Join(", ", Texts)}, event_time, received_at, properties) from stdin (format binary)"))
        {
            await using var read = source.CreateCommand();
            read.CommandText = $"select {string.Join(", ", Texts)}, epoch_ms(event_time), epoch_ms(received_at), cast(properties as varchar) from events";
            await using var rows = await read.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                await copy.StartRowAsync();
                for (var i = 0; i < Texts.Length; i++) await copy.WriteAsync(rows.IsDBNull(i) ? null : rows.GetString(i), NpgsqlDbType.Text);
                await copy.WriteAsync(DateTime.UnixEpoch.AddMilliseconds(rows.GetInt64(Texts.Length)), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(DateTime.UnixEpoch.AddMilliseconds(rows.GetInt64(Texts.Length + 1)), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(rows.GetString(Texts.Length + 2), NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("analyze events", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
