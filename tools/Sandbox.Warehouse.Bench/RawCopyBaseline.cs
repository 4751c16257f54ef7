using System.Diagnostics;
using Npgsql;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// The baselines' target tables, each fresh for every measurement. <see cref="Indexed"/> is the one the
/// loader is judged on: a copy of events with its keys and indexes (<c>like events including all</c>),
/// which the loader cannot avoid (the PK gives exactly-once, the indexes were chosen by measurement).
/// <see cref="Bare"/> has events' columns only, to show what the keys and indexes cost.
/// </summary>
internal sealed class RawCopyBaseline
{
    public const string Columns =
        "event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties";

    public static readonly RawCopyBaseline Indexed = new("indexed_events", "create table indexed_events (like events including all)");
    public static readonly RawCopyBaseline Bare = new("bare_events", "create table bare_events as select * from events with no data");

    private readonly string _table;
    private readonly string _create;

    private RawCopyBaseline(string table, string create) => (_table, _create) = (table, create);

    /// <summary>Times one COPY client (connection open to COPY complete) into a fresh, empty table.</summary>
    public async Task<TimeSpan> RunAsync(NpgsqlDataSource database, Func<NpgsqlConnection, string, Task> copy)
    {
        // Same starting state as the loader's round: an empty table and a checkpoint just taken.
        await using (var reset = database.CreateCommand($"drop table if exists {_table}; {_create}; checkpoint"))
            await reset.ExecuteNonQueryAsync();

        var clock = Stopwatch.StartNew();
        await using (var connection = await database.OpenConnectionAsync())
            await copy(connection, _table);
        var elapsed = clock.Elapsed;
        // Free the space before the next measurement; the table is not needed after timing.
        await using (var drop = database.CreateCommand($"drop table {_table}"))
            await drop.ExecuteNonQueryAsync();
        return elapsed;
    }
}
