using Amazon.DynamoDBv2;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
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
        var own = RunContract.On(shared, RunContract.Names(prefix, id, streamShards ?? shared.Resources.StreamShards), database.Name);
        return new IsolatedResources(own, database);
    }

    /// <summary>What `sandbox bootstrap` does, on the run's resources: creates them and migrates its database.</summary>
    public async Task BootstrapAsync(CancellationToken ct = default)
    {
        foreach (var step in Clients.BootstrapSteps())
            await foreach (var _ in step.RunAsync(ct)) { }
    }

    /// <summary>The contract variables that point a `sandbox` process at the run's resources, unpooled (see <see cref="RunContract.Variables"/>).</summary>
    public Dictionary<string, string> Variables() => RunContract.Variables(Endpoints, pooling: false);

    /// <summary>Leaves the shared stack as found: the run's stream, tables, buckets and database go; one already gone is fine.</summary>
    public async ValueTask DisposeAsync()
    {
        var names = Endpoints.Resources;
        await Quietly(() => Clients.Kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = names.Stream, EnforceConsumerDeletion = true }));
        foreach (var table in new[] { names.ClickLogTable, names.LeaseTable })
            await Quietly(() => Clients.DynamoDb.DeleteTableAsync(table));
        foreach (var bucket in names.Buckets)
            await Quietly(() => Clients.S3.EmptyAndDeleteAsync(bucket));
        await Clients.DisposeAsync();
        await Quietly(async () => await Database.DisposeAsync());
    }

    /// <summary>Clean-up must not hide the run's own outcome: a resource that is already gone (or a stack that went down) is fine.</summary>
    private static async Task Quietly(Func<Task> cleanUp)
    {
        try { await cleanUp(); }
        catch (Exception error) when (error is AmazonS3Exception or AmazonDynamoDBException or NpgsqlException
                                          or KinesisException or HttpRequestException or InvalidOperationException or OperationCanceledException) { }
    }
}
