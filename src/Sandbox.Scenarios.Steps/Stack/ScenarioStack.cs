using Amazon.S3.Model;
using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Model;
using Sandbox.Stack;

namespace Sandbox.Scenarios.Steps.Stack;

/// <summary>
/// A scenario's own stream, buckets, tables, lease table and warehouse database on the shared
/// stack, bootstrapped like `sandbox bootstrap` does and removed afterwards, so scenarios run in
/// any order, repeatedly, and never see each other's data.
/// </summary>
public sealed class ScenarioStack : IAsyncDisposable
{
    private readonly SandboxEndpoints _shared;
    private readonly string _database;

    private ScenarioStack(SandboxEndpoints shared, SandboxEndpoints own, string database)
    {
        _shared = shared;
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
        var database = $"scenario_{id}";
        await using (var server = NpgsqlDataSource.Create(shared.WarehouseConnectionString))
        {
            try
            {
                await using var create = server.CreateCommand($"create database {database}");
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"the warehouse at '{shared.WarehouseConnectionString}' does not answer: start the stack with 'make up' ({e.Message})", e);
            }
        }
        var own = shared with
        {
            WarehouseConnectionString = new NpgsqlConnectionStringBuilder(shared.WarehouseConnectionString) { Database = database }.ConnectionString,
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
        var stack = new ScenarioStack(shared, own, database);
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
        NpgsqlConnection.ClearAllPools();
        await using var server = NpgsqlDataSource.Create(_shared.WarehouseConnectionString);
        await using var drop = server.CreateCommand($"drop database if exists {_database} with (force)");
        await drop.ExecuteNonQueryAsync();
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
