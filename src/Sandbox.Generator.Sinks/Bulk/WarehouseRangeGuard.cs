using Npgsql;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>
/// Refuses to mix generated history with rows already in the range (received_at within the days
/// generated), unless told to overwrite: then those rows, and the bad lines of earlier bulk runs, go first.
/// </summary>
public static class WarehouseRangeGuard
{
    public static async Task PrepareAsync(NpgsqlDataSource warehouse, DateOnly from, DateOnly to, bool overwrite)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var connection = await warehouse.OpenConnectionAsync();
        if (!overwrite)
        {
            await using var probe = new NpgsqlCommand("select count(*) from (select 1 from events where received_at >= $1 and received_at < $2 limit 1000) r", connection);
            probe.Parameters.Add(new() { Value = start });
            probe.Parameters.Add(new() { Value = end });
            var rows = (long)(await probe.ExecuteScalarAsync())!;
            if (rows > 0)
                throw new OutputFolderException(
                    $"warehouse {connection.Database}: events already holds {(rows >= 1000 ? "1000+" : rows.ToString())} rows received {from:yyyy-MM-dd}..{to:yyyy-MM-dd}; pass --overwrite to delete them first");
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var delete = new NpgsqlCommand("delete from events where received_at >= $1 and received_at < $2", connection, transaction))
        {
            delete.Parameters.Add(new() { Value = start });
            delete.Parameters.Add(new() { Value = end });
            await delete.ExecuteNonQueryAsync();
        }
        await using (var bad = new NpgsqlCommand("delete from bad_events where source = $1", connection, transaction))
        {
            bad.Parameters.Add(new() { Value = WarehouseBulkSink.Source });
            await bad.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
