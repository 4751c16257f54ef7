using Npgsql;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>What the shared warehouse holds for one test's events and delivery name.</summary>
public static class WarehouseCounts
{
    public static async Task<long> EventsAsync(this NpgsqlDataSource warehouse, IEnumerable<string> eventIds)
    {
        await using var command = warehouse.CreateCommand("select count(*) from events where event_id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = eventIds.ToArray() });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<long> BadEventsAsync(this NpgsqlDataSource warehouse, string source)
    {
        await using var command = warehouse.CreateCommand("select count(*) from bad_events where source = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
