using System.Collections.Concurrent;
using DuckDB.NET.Data;
using Npgsql;
using NpgsqlTypes;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Analytics.Bench;

/// <summary>
/// Generates the bench days straight into a warehouse database (binary COPY) and a DuckDB file
/// (appender), both kept between runs: a rerun with the same config reuses them.
/// </summary>
internal sealed class BenchData(GeneratorConfig config, string serverConnectionString, string duckDbPath)
{
    private const int BatchSize = 20_000;

    public string DatabaseName => $"analytics_bench_{config.EventsPerDay}_{config.DayCount}_{config.Users}";

    public NpgsqlDataSource OpenWarehouse() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = DatabaseName, CommandTimeout = 0 }.ConnectionString);

    public async Task<GenerationTruth> EnsureLoadedAsync()
    {
        // The DuckDB file's folder is the dataset's: it holds the manifest too.
        var folder = Path.GetDirectoryName(Path.GetFullPath(duckDbPath))!;
        if (File.Exists(duckDbPath) && GenerationTruthFile.TryRead(folder) is { } existing && await DatabaseExistsAsync())
        {
            Console.WriteLine($"reusing {DatabaseName} and {duckDbPath}");
            return existing.Fingerprint == ConfigJson.Fingerprint(config, existing.TrackingPlanVersion)
                ? existing : throw new InvalidOperationException($"{folder} holds another config's data: delete it and drop {DatabaseName}");
        }
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, GenerationTruth.FileName));
        File.Delete(duckDbPath);
        await RecreateDatabaseAsync();
        var manifest = await LoadAsync();
        GenerationTruthFile.Write(folder, manifest);
        return manifest;
    }

    private async Task<GenerationTruth> LoadAsync()
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        var batches = new BlockingCollection<List<BenchEvent>>(boundedCapacity: 64);
        var sink = new ParsingSink(batches);
        var writer = Task.Run(() => WriteAllAsync(batches));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GenerationResult result;
        try
        {
            result = new GeneratorRunner(config, plan).Run(sink, threads: Environment.ProcessorCount);
        }
        finally
        {
            batches.CompleteAdding();
        }
        var rows = await writer;
        Console.WriteLine($"generated and loaded {rows:N0} events in {clock.Elapsed.TotalSeconds:F0} s");
        await using var warehouse = OpenWarehouse();
        await using (var analyze = warehouse.CreateCommand("vacuum analyze events")) await analyze.ExecuteNonQueryAsync();
        return GenerationTruthBuilder.Complete(config, plan.Version, sink.Describe(), result);
    }

    private async Task<long> WriteAllAsync(BlockingCollection<List<BenchEvent>> batches)
    {
        await using var warehouse = OpenWarehouse();
        await using var connection = await warehouse.OpenConnectionAsync();
        using var duck = new DuckDBConnection($"DataSource={duckDbPath}");
        duck.Open();
        using (var create = duck.CreateCommand())
        {
            create.CommandText = """
                create table events (event_id varchar, event_name varchar, user_id varchar, anonymous_id varchar, session_id varchar,
                  event_time timestamptz, received_at timestamptz, platform varchar, os_version varchar, device_model varchar,
                  app_version varchar, locale varchar, properties json)
                """;
            create.ExecuteNonQuery();
        }
        long rows = 0;
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy events (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties) from stdin (format binary)");
        using var appender = duck.CreateAppender("events");
        foreach (var batch in batches.GetConsumingEnumerable())
        {
            foreach (var e in batch)
            {
                await copy.StartRowAsync();
                var duckRow = appender.CreateRow();
                for (var i = 0; i < e.Text.Length; i++)
                {
                    if (i == 5) { await Time(copy, duckRow, e.EventTime); continue; }
                    if (i == 6) { await Time(copy, duckRow, e.ReceivedAt); continue; }
                    if (e.Text[i] is { } text) await copy.WriteAsync(text, NpgsqlDbType.Text);
                    else await copy.WriteNullAsync();
                    duckRow.AppendValue(e.Text[i]);
                }
                await copy.WriteAsync(e.Properties, NpgsqlDbType.Jsonb);
                duckRow.AppendValue(e.Properties).EndRow();
                rows++;
            }
        }
        await copy.CompleteAsync();
        return rows;
    }

    private static async Task Time(NpgsqlBinaryImporter copy, IDuckDBAppenderRow row, DateTime time)
    {
        await copy.WriteAsync(time, NpgsqlDbType.TimestampTz);
        row.AppendValue(time);
    }

    private async Task<bool> DatabaseExistsAsync()
    {
        await using var server = NpgsqlDataSource.Create(serverConnectionString);
        await using var command = server.CreateCommand($"select 1 from pg_database where datname = '{DatabaseName}'");
        return await command.ExecuteScalarAsync() is not null;
    }

    private async Task RecreateDatabaseAsync()
    {
        await using (var server = NpgsqlDataSource.Create(serverConnectionString))
        {
            await using (var drop = server.CreateCommand($"drop database if exists {DatabaseName} with (force)")) await drop.ExecuteNonQueryAsync();
            await using (var create = server.CreateCommand($"create database {DatabaseName}")) await create.ExecuteNonQueryAsync();
        }
        await using var warehouse = OpenWarehouse();
        await new Migrator(warehouse).MigrateAsync();
    }

    /// <summary>Parses lines on the generator's threads and hands batches to the single writer.</summary>
    private sealed class ParsingSink(BlockingCollection<List<BenchEvent>> batches) : IEventSink
    {
        public string Describe() => "analytics-bench";

        public IServerEventStream OpenServer(string serverName) => new Stream(serverName, batches);

        private sealed class Stream(string name, BlockingCollection<List<BenchEvent>> batches) : IServerEventStream
        {
            private List<BenchEvent> _batch = new(BatchSize);
            private long _lines;

            public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
            {
                _batch.Add(BenchEvent.Parse(line));
                _lines++;
                if (_batch.Count < BatchSize) return;
                batches.Add(_batch);
                _batch = new List<BenchEvent>(BatchSize);
            }

            public IReadOnlyList<SinkOutput> Complete()
            {
                if (_batch.Count > 0) batches.Add(_batch);
                _batch = [];
                return [new SinkOutput(name, _lines, 0)];
            }

            public void Dispose() { }
        }
    }
}
