using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Config;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Lessons.Cli;
using Sandbox.Lessons.Model;
using Sandbox.Lessons.Running;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Lessons.Tests.Support;

/// <summary>
/// Three small generated days loaded into a throwaway warehouse database (through the generator's bulk
/// sink, i.e. the loader's path) plus app.* tables from the same seed, and a small lake copy of them.
/// </summary>
public sealed class LessonDataFixture : IAsyncLifetime
{
    public static readonly GeneratorConfig Config = new()
    {
        From = new DateOnly(2026, 10, 5),
        To = new DateOnly(2026, 10, 7),
        Users = 1_500,
        EventsPerDay = 5_000,
        Seed = 23,
        Servers = 2,
    };

    private ThrowawayDatabase? _database;

    public SmallLake Lake { get; private set; } = null!;
    public NpgsqlDataSource Warehouse => _database!.DataSource;

    /// <summary>With its password (a data source's own ConnectionString leaves it out).</summary>
    public string WarehouseConnectionString => _database!.ConnectionString;

    /// <summary>True when the warehouse speaks the Redshift dialect (answers <c>select getdate()</c>).</summary>
    public bool HasRedshiftDialect { get; private set; }

    public IQueryRunner WarehouseRunner(TimeSpan? timeout = null) => new WarehouseRunner(Warehouse, timeout ?? TimeSpan.FromSeconds(30));

    public LessonChecker Checker(TimeSpan? timeout = null) => new((source, _) => Task.FromResult(
        source == LessonSource.Warehouse ? WarehouseRunner(timeout) : new LakeRunner(Lake.Connection, timeout ?? TimeSpan.FromSeconds(30))));

    public async Task InitializeAsync()
    {
        _database = await ThrowawayDatabase.CreateAsync(ServerConnectionString(), "lessons_test");
        var plan = TrackingPlanLoader.LoadEmbedded();
        var sink = new WarehouseBulkSink(Warehouse, new EventValidator(plan), "lessons-test");
        await Task.Run(() => new GeneratorRunner(Config, plan).Run(sink, threads: 2));
        await AppTables.CreateAsync(Warehouse, Config);
        await using (var analyze = Warehouse.CreateCommand("analyze events"))
            await analyze.ExecuteNonQueryAsync();
        HasRedshiftDialect = await AnswersGetdateAsync();
        Lake = await SmallLake.CopyAsync(Warehouse);
    }

    public async Task DisposeAsync()
    {
        Lake?.Dispose();
        if (_database is not null) await _database.DisposeAsync();
    }

    // Creating databases needs the admin role once the roles exist; until then the one role.
    private static string ServerConnectionString() =>
        EndpointsLoader.Load().WarehouseAdminConnectionString;

    private async Task<bool> AnswersGetdateAsync()
    {
        try
        {
            await using var command = Warehouse.CreateCommand("select getdate()");
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LessonDataCollection : ICollectionFixture<LessonDataFixture>
{
    public const string Name = "lesson data";
}
