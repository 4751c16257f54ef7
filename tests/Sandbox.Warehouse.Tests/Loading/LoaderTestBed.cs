using Npgsql;
using Sandbox.Core.TrackingPlan;
using Sandbox.Testing;
using Sandbox.Warehouse.Loading;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Loading;

/// <summary>A migrated scratch warehouse, a staging bucket and a loader over both.</summary>
internal sealed class LoaderTestBed : IAsyncDisposable
{
    public const string Delivery = "to-warehouse";

    private readonly NpgsqlDataSource _delivery;

    private LoaderTestBed(ThrowawayDatabase database, NpgsqlDataSource delivery, StagingBucket bucket)
    {
        Database = database;
        Bucket = bucket;
        _delivery = delivery;
        Loader = new WarehouseLoader(delivery, bucket.S3, TrackingPlanLoader.LoadEmbedded());
    }

    public ThrowawayDatabase Database { get; }
    public StagingBucket Bucket { get; }
    public WarehouseLoader Loader { get; }

    public static async Task<LoaderTestBed> CreateAsync(StackFixture stack)
    {
        var database = await ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "scratch");
        // The loader runs as the pipeline does, as sandbox_delivery: its grants are tested by every load.
        var delivery = NpgsqlDataSource.Create(database.ConnectionStringAs(stack.Endpoints.WarehouseConnectionString));
        return new LoaderTestBed(database, delivery, await StagingBucket.CreateAsync(stack));
    }

    /// <summary>Stages each object, writes a manifest naming them all (mandatory), and loads it.</summary>
    public async Task<LoadResult> LoadAsync(string manifestKey, params IEnumerable<string>[] objects)
    {
        var entries = new List<(string, bool)>();
        for (var i = 0; i < objects.Length; i++)
            entries.Add((await Bucket.PutLinesAsync($"{manifestKey}/part-{i}", objects[i], gzip: i % 2 == 1), true));
        await Bucket.PutManifestAsync(manifestKey, [.. entries]);
        return await Loader.LoadAsync(Delivery, Bucket.Name, manifestKey);
    }

    public Task<long> CountAsync(string table) => Database.ScalarAsync<long>($"select count(*) from {table}");

    public async ValueTask DisposeAsync()
    {
        await Bucket.DisposeAsync();
        await _delivery.DisposeAsync();
        await Database.DisposeAsync();
    }
}
