using System.Data.Common;
using System.Globalization;
using MySqlConnector;
using Npgsql;

namespace Sandbox.Testing;

/// <summary>
/// A table's rows as comparable text (one line per row, columns in the given order, sorted), read
/// from the app database or the warehouse: "target = source" is an equality of two of these.
/// </summary>
public static class TableRows
{
    public static async Task<List<string>> FromAppDbAsync(string connectionString, string table, string columns)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"select {columns} from {table}", connection);
        return await ReadAsync(command);
    }

    public static async Task<List<string>> FromWarehouseAsync(NpgsqlDataSource warehouse, string table, string columns)
    {
        await using var command = warehouse.CreateCommand($"select {columns} from {table}");
        return await ReadAsync(command);
    }

    private static async Task<List<string>> ReadAsync(DbCommand command)
    {
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++) values[i] = Text(reader.GetValue(i));
            rows.Add(string.Join(" | ", values));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
