using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Stack.Isolation;

/// <summary>
/// A run's own stream, buckets, click-log table, lease table and warehouse database on a shared
/// stack (a scenario, a fault test), named apart and removed on dispose, so runs go in any order,
/// repeatedly, and never see each other's data. <see cref="Endpoints"/> is the run's contract:
/// bootstrap it in-process (<see cref="BootstrapAsync"/>) or hand <see cref="Variables"/> to the
/// `sandbox` processes the run starts.
/// </summary>
public sealed class IsolatedResources : IAsyncDisposable
{
    private IsolatedResources(SandboxEndpoints own, ThrowawayDatabase database)
    {
        Endpoints = own;
        Database = database;
        Clients = new SandboxStack(own);
    }

    public SandboxEndpoints Endpoints { get; }

    /// <summary>The run's database (as the admin role that created it).</summary>
    public ThrowawayDatabase Database { get; }

    /// <summary>Clients on the run's resources (the warehouse data sources open its database).</summary>
    public SandboxStack Clients { get; }

    /// <param name="shared">The stack to create on; its warehouse admin role creates the run's database.</param>
    /// <param name="prefix">Lower-case letters and digits: names read prefix-&lt;id&gt;-archive, prefix_&lt;id&gt;_leases...</param>
    /// <param name="streamShards">The run's stream's shards; the shared contract's count when null.</param>
    public static async Task<IsolatedResources> CreateAsync(SandboxEndpoints shared, string prefix, int? streamShards = null,
        CancellationToken ct = default)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        // Empty: migrated by bootstrap, like any warehouse.
        var database = await ThrowawayDatabase.CreateAsync(shared.WarehouseAdminConnectionString, prefix, migrate: false, ct);
        var own = shared with
        {
            WarehouseConnectionString = database.ConnectionStringAs(shared.WarehouseConnectionString),
            WarehouseAdminConnectionString = database.ConnectionString,
            WarehouseAnalystConnectionString = database.ConnectionStringAs(shared.WarehouseAnalystConnectionString),
            Resources = shared.Resources with
            {
                Stream = $"{prefix}-{id}",
                StreamShards = streamShards ?? shared.Resources.StreamShards,
                ArchiveBucket = $"{prefix}-{id}-archive",
                StagingBucket = $"{prefix}-{id}-staging",
                ErrorBucket = $"{prefix}-{id}-errors",
                ClickLogTable = $"{prefix}_{id}_click_logs",
                LeaseTable = $"{prefix}_{id}_leases",
            },
        };
        return new IsolatedResources(own, database);
    }

    /// <summary>What `sandbox bootstrap` does, on the run's resources: creates them and migrates its database.</summary>
    public async Task BootstrapAsync(CancellationToken ct = default)
    {
        foreach (var step in Clients.BootstrapSteps())
            await foreach (var _ in step.RunAsync(ct)) { }
    }

    /// <summary>
    /// The contract variables that point a `sandbox` process at the run's resources (on top of the
    /// shared stack's endpoints.env). Connection pooling is off: a killed process leaves no idle
    /// connections behind that would keep the run's database from being dropped.
    /// </summary>
    public Dictionary<string, string> Variables()
    {
        var names = Endpoints.Resources;
        return new Dictionary<string, string>
        {
            ["SANDBOX_STREAM"] = names.Stream,
            ["SANDBOX_STREAM_SHARDS"] = names.StreamShards.ToString(),
            ["SANDBOX_LEASE_TABLE"] = names.LeaseTable,
            ["SANDBOX_ARCHIVE_BUCKET"] = names.ArchiveBucket,
            ["SANDBOX_STAGING_BUCKET"] = names.StagingBucket,
            ["SANDBOX_ERROR_BUCKET"] = names.ErrorBucket,
            ["SANDBOX_CLICKLOG_TABLE"] = names.ClickLogTable,
            // Each role on the run's database: bootstrap migrates as admin, the pipeline loads as delivery.
            ["SANDBOX_WAREHOUSE"] = Unpooled(Endpoints.WarehouseConnectionString),
            ["SANDBOX_WAREHOUSE_ADMIN"] = Unpooled(Endpoints.WarehouseAdminConnectionString),
            ["SANDBOX_WAREHOUSE_ANALYST"] = Unpooled(Endpoints.WarehouseAnalystConnectionString),
        };
    }

    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>Leaves the shared stack as found: the run's stream, tables, buckets and database go; one already gone is fine.</summary>
    public async ValueTask DisposeAsync()
    {
        var names = Endpoints.Resources;
        await Quietly(() => Clients.Kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = names.Stream, EnforceConsumerDeletion = true }));
        foreach (var table in new[] { names.ClickLogTable, names.LeaseTable })
            await Quietly(() => Clients.DynamoDb.DeleteTableAsync(table));
        foreach (var bucket in names.Buckets)
            await Quietly(() => EmptyAndDeleteBucketAsync(bucket));
        await Clients.DisposeAsync();
        await Quietly(async () => await Database.DisposeAsync());
    }

    private async Task EmptyAndDeleteBucketAsync(string bucket)
    {
        ListObjectsV2Response page;
        do
        {
            page = await Clients.S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            foreach (var item in page.S3Objects ?? []) await Clients.S3.DeleteObjectAsync(bucket, item.Key);
        } while (page.S3Objects is { Count: > 0 });
        await Clients.S3.DeleteBucketAsync(bucket);
    }

    /// <summary>Clean-up must not hide the run's own outcome: a resource that is already gone (or a stack that went down) is fine.</summary>
    private static async Task Quietly(Func<Task> cleanUp)
    {
        try { await cleanUp(); }
        catch (Exception error) when (error is AmazonS3Exception or AmazonDynamoDBException or NpgsqlException
                                          or KinesisException or HttpRequestException or InvalidOperationException or OperationCanceledException) { }
    }
}
