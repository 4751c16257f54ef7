using Amazon.S3.Model;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Stack;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Scenarios.Steps.Stack;

/// <summary>
/// A scenario's own stream, buckets, tables, lease table and warehouse database on the shared
/// stack, bootstrapped like `sandbox bootstrap` does and removed afterwards, so scenarios run in
/// any order, repeatedly, and never see each other's data.
/// </summary>
public sealed class ScenarioStack : IAsyncDisposable
{
    private readonly ThrowawayDatabase _database;

    private ScenarioStack(SandboxEndpoints own, ThrowawayDatabase database)
    {
        _database = database;
        Endpoints = own;
        Clients = new SandboxStack(own);
    }

    public SandboxEndpoints Endpoints { get; }

    /// <summary>Clients on this scenario's resources (the warehouse data source opens its database).</summary>
    public SandboxStack Clients { get; }

    public static async Task<ScenarioStack> CreateAsync(SandboxEndpoints shared, CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        // Migrated by the bootstrap steps below, like any warehouse.
        var database = await ThrowawayDatabase.CreateAsync(shared.WarehouseAdminConnectionString, "scenario", migrate: false, ct);
        var own = shared with
        {
            WarehouseConnectionString = database.ConnectionStringAs(shared.WarehouseConnectionString),
            WarehouseAdminConnectionString = database.ConnectionString,
            WarehouseAnalystConnectionString = database.ConnectionStringAs(shared.WarehouseAnalystConnectionString),
            Resources = shared.Resources with
            {
                Stream = $"scenario-{id}",
                StreamShards = 4,
                ArchiveBucket = $"scenario-{id}-archive",
                StagingBucket = $"scenario-{id}-staging",
                ErrorBucket = $"scenario-{id}-errors",
                ClickLogTable = $"scenario_{id}_click_logs",
                LeaseTable = $"scenario_{id}_leases",
            },
        };
        var stack = new ScenarioStack(own, database);
        try
        {
            foreach (var step in stack.Clients.BootstrapSteps())
                await foreach (var _ in step.RunAsync(ct)) { }
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        var names = Endpoints.Resources;
        await BestEffort(() => Clients.Kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = names.Stream, EnforceConsumerDeletion = true }));
        foreach (var table in new[] { names.ClickLogTable, names.LeaseTable })
            await BestEffort(() => Clients.DynamoDb.DeleteTableAsync(table));
        foreach (var bucket in names.Buckets)
            await BestEffort(() => DeleteBucketAsync(bucket));
        await Clients.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task DeleteBucketAsync(string bucket)
    {
        var listing = await Clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        while (true)
        {
            foreach (var item in listing.S3Objects ?? []) await Clients.S3.DeleteObjectAsync(bucket, item.Key);
            if (listing.IsTruncated != true) break;
            listing = await Clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, ContinuationToken = listing.NextContinuationToken });
        }
        await Clients.S3.DeleteBucketAsync(bucket);
    }

    // Cleanup of emulator resources must not hide the scenario's own outcome.
    private static async Task BestEffort(Func<Task> cleanup)
    {
        try { await cleanup(); } catch (Exception) { }
    }
}
