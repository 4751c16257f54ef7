// Generator sinks bench: each sink against the plain client doing the same job with the same rows, in one run.
//   dotnet run -c Release --project tools/Sandbox.Generator.SinkBench -- [warehouse-events] [kinesis-events]
// Needs the native stack's PostgreSQL (make up); starts its own Kinesis engine (limits off).
using System.Diagnostics;
using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Generator.Sinks.Kinesis;
using Sandbox.Generator.SinkBench;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

var warehouseEvents = args.Length > 0 ? long.Parse(args[0]) : 300_000;
var kinesisEvents = args.Length > 1 ? long.Parse(args[1]) : 200_000;
var plan = TrackingPlanLoader.LoadEmbedded();
var scratch = Directory.CreateTempSubdirectory("generator-sink-bench-").FullName;
GeneratorConfig Day(long events) => new()
{
    From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 1), Users = 40_000, EventsPerDay = events, Seed = 5, Servers = 4,
};
List<string> Lines(GeneratorConfig config, string name)
{
    FileGeneration.Run(config, Path.Combine(scratch, name), Environment.ProcessorCount, false, plan);
    return Directory.EnumerateFiles(Path.Combine(scratch, name), "app-*.log", SearchOption.AllDirectories).Order().SelectMany(File.ReadLines).ToList();
}

Console.WriteLine($"# Generator sinks bench {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
var endpoints = EndpointsLoader.Load();
await using var server = NpgsqlDataSource.Create(endpoints.WarehouseAdminConnectionString);

async Task<NpgsqlDataSource> ScratchDatabase(string name)
{
    await using (var create = server.CreateCommand($"drop database if exists {name} with (force); create database {name}")) await create.ExecuteNonQueryAsync();
    var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(endpoints.WarehouseAdminConnectionString) { Database = name }.ConnectionString);
    await new Migrator(source).MigrateAsync();
    return source;
}

// Warehouse: bulk sink (generate + tracking-plan check + COPY to staging + INSERT .. ON CONFLICT) vs raw binary COPY of the parsed rows.
var warehouseConfig = Day(warehouseEvents);
var rows = RawEventCopy.Parse(Lines(warehouseConfig, "warehouse-lines"));
await using (var rawDb = await ScratchDatabase("bench_sink_raw"))
await using (var sinkDb = await ScratchDatabase("bench_sink_bulk"))
{
    var clock = Stopwatch.StartNew();
    var copied = await RawEventCopy.CopyAsync(rawDb, rows);
    var raw = clock.Elapsed;
    clock.Restart();
    var (_, bulk) = await BulkGeneration.RunAsync(warehouseConfig, Path.Combine(scratch, "bulk"), Environment.ProcessorCount, false, plan,
        new BulkTargets(sinkDb, null, ""));
    var sink = clock.Elapsed;
    Console.WriteLine($"warehouse raw binary COPY: {copied:N0} rows in {raw.TotalSeconds:N2} s = {copied / raw.TotalSeconds:N0} rows/s");
    Console.WriteLine($"warehouse bulk sink:       {bulk.Warehouse!.Inserted:N0} rows in {sink.TotalSeconds:N2} s = {bulk.Warehouse.Inserted / sink.TotalSeconds:N0} rows/s " +
                      $"(ratio {bulk.Warehouse.Inserted / sink.TotalSeconds / (copied / raw.TotalSeconds):N2}x raw; includes generating the events)");
}
await using (var drop = server.CreateCommand("drop database if exists bench_sink_raw with (force); drop database if exists bench_sink_bulk with (force)")) await drop.ExecuteNonQueryAsync();

// Kinesis: sink (generate + merge + key + 4 senders with retry) vs the raw client's PutRecords of the same records, 4 concurrent loops.
await using (var engine = await KinesisEngine.StartAsync(limits: false))
{
    using var client = engine.CreateClient();
    async Task<string> Stream(string name)
    {
        await client.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = 4 });
        await client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30));
        return name;
    }
    var kinesisConfig = Day(kinesisEvents);
    var entries = RawPutRecords.Entries(Lines(kinesisConfig, "kinesis-lines"));
    var rawStream = await Stream("bench-raw");
    var sinkStream = await Stream("bench-sink");
    var clock = Stopwatch.StartNew();
    var put = await RawPutRecords.PutAsync(client, rawStream, entries, concurrency: 4);
    var raw = clock.Elapsed;
    clock.Restart();
    var (_, summary) = await KinesisGeneration.RunAsync(kinesisConfig, Path.Combine(scratch, "kinesis"), false, plan, client,
        new KinesisSinkOptions { StreamName = sinkStream, Senders = 4 });
    var sink = clock.Elapsed;
    Console.WriteLine($"kinesis raw PutRecords:    {put:N0} records in {raw.TotalSeconds:N2} s = {put / raw.TotalSeconds:N0} records/s");
    Console.WriteLine($"kinesis sink:              {summary.Sent:N0} events in {sink.TotalSeconds:N2} s = {summary.Sent / sink.TotalSeconds:N0} events/s " +
                      $"(ratio {summary.Sent / sink.TotalSeconds / (put / raw.TotalSeconds):N2}x raw; retried {summary.Retried}, failed {summary.Failed})");
}
Directory.Delete(scratch, recursive: true);
