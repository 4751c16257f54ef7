using System.Data;
using MySqlConnector;
using Sandbox.AppDatabase;
using Sandbox.Generator.AppData;

namespace Sandbox.AppDatabase.Bench;

/// <summary>
/// The baseline: the same rows, already in memory as DataTables, written by MySqlConnector's own
/// MySqlBulkCopy into the same tables in the same order after the same truncate. Nothing else.
/// </summary>
public sealed class RawBulkCopyBaseline
{
    private readonly List<(string Table, DataTable Rows)> _tables = [];

    public RawBulkCopyBaseline(AppDataTimeline timeline)
    {
        foreach (var table in AppDataRows.Tables)
            _tables.Add((table.Name, ToDataTable(table.Columns, table.Build(timeline).ToString())));
    }

    public long Rows => _tables.Sum(t => (long)t.Rows.Rows.Count);

    public async Task RunAsync(string connectionString)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(connectionString);
        await using (var truncate = new MySqlCommand(
            "set foreign_key_checks = 0; " + string.Concat(_tables.Select(t => $"truncate table `{t.Table}`; ")) + "set foreign_key_checks = 1", connection))
            await truncate.ExecuteNonQueryAsync();
        foreach (var (table, rows) in _tables)
        {
            var copy = new MySqlBulkCopy(connection) { DestinationTableName = $"`{table}`" };
            var result = await copy.WriteToServerAsync(rows);
            if (result.RowsInserted != rows.Rows.Count) throw new InvalidOperationException($"{table}: {result.RowsInserted} of {rows.Rows.Count} rows");
        }
    }

    private static DataTable ToDataTable(IReadOnlyList<string> columns, string tsv)
    {
        var table = new DataTable();
        foreach (var column in columns) table.Columns.Add(column, typeof(string));
        foreach (var line in tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            table.Rows.Add(line.Split('\t').Select(Unescape).ToArray<object>());
        return table;
    }

    private static object Unescape(string field) => field == "\\N" ? DBNull.Value
        : field.Replace("\\t", "\t").Replace("\\n", "\n").Replace("\\r", "\r").Replace("\\\\", "\\");
}
