using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.S3.Model;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Load.Day;

namespace Sandbox.Load.Processes;

/// <summary>
/// A load run's own resources on the running stack, so its counts are its own: a stream with the
/// asked shard count (quotas on or off by the engine's per-stream tag), lease and click-log tables,
/// buckets and a warehouse database, named through the endpoints contract's variables that every
/// child `sandbox` process gets (<see cref="Environment"/>), created by `sandbox bootstrap`.
/// </summary>
public sealed class RunResources(string id, SandboxEndpoints endpoints, IReadOnlyDictionary<string, string> environment)
{
    public string Id => id;

    /// <summary>What each child process gets on top of the contract file.</summary>
    public IReadOnlyDictionary<string, string> Environment => environment;

    /// <summary>The endpoints as the children see them (the run's names and database).</summary>
    public SandboxEndpoints Endpoints { get; } = endpoints;

    public string Database => $"load_{id.Replace('-', '_')}";

    public static RunResources For(string id, SandboxEndpoints stack, int shards)
    {
        var database = $"load_{id.Replace('-', '_')}";
        string On(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
        var names = new ResourceNames($"load-{id}", shards, $"load-archive-{id}", $"load-staging-{id}", $"load-errors-{id}", $"load-clicks-{id}", $"load-leases-{id}");
        var environment = new Dictionary<string, string>
        {
            ["SANDBOX_STREAM"] = names.Stream,
            ["SANDBOX_STREAM_SHARDS"] = shards.ToString(),
            ["SANDBOX_ARCHIVE_BUCKET"] = names.ArchiveBucket,
            ["SANDBOX_STAGING_BUCKET"] = names.StagingBucket,
            ["SANDBOX_ERROR_BUCKET"] = names.ErrorBucket,
            ["SANDBOX_CLICKLOG_TABLE"] = names.ClickLogTable,
            ["SANDBOX_LEASE_TABLE"] = names.LeaseTable,
            ["SANDBOX_WAREHOUSE"] = On(stack.WarehouseConnectionString),
            ["SANDBOX_WAREHOUSE_ADMIN"] = On(stack.WarehouseAdminConnectionString),
            ["SANDBOX_WAREHOUSE_ANALYST"] = On(stack.WarehouseAnalystConnectionString),
        };
        var endpoints = stack with { Resources = names, WarehouseConnectionString = environment["SANDBOX_WAREHOUSE"] };
        endpoints = endpoints with { WarehouseAdminConnectionString = environment["SANDBOX_WAREHOUSE_ADMIN"], WarehouseAnalystConnectionString = environment["SANDBOX_WAREHOUSE_ANALYST"] };
        return new RunResources(id, endpoints, environment);
    }

    /// <summary>
    /// The database and the stream first (a shard count the engine refuses is bad input, said
    /// before anything runs), then `sandbox bootstrap` creates the rest and migrates the database.
    /// </summary>
    public async Task CreateAsync(SandboxEndpoints stack, bool quotas, string logFile, CancellationToken cancellationToken)
    {
        using var kinesis = KinesisClient.Create(stack);
        try
        {
            await kinesis.CreateStreamAsync(new CreateStreamRequest
            {
                StreamName = Endpoints.Resources.Stream,
                ShardCount = Endpoints.Resources.StreamShards,
                Tags = new() { ["sandbox:limits"] = quotas ? "on" : "off" },
            }, cancellationToken);
        }
        catch (KinesisException e) when (e.ErrorCode is "LimitExceededException" or "ValidationException" or "InvalidArgumentException")
        {
            throw new LoadInputException($"--shards {Endpoints.Resources.StreamShards}: the Kinesis engine refuses it: {e.Message}");
        }
        await using (var admin = NpgsqlDataSource.Create(stack.WarehouseAdminConnectionString))
        await using (var create = admin.CreateCommand($"create database \"{Database}\""))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await using var bootstrap = new BoxProcess("bootstrap", ["bootstrap"], environment, logFile);
        bootstrap.Start();
        if (await bootstrap.WaitAsync(TimeSpan.FromMinutes(5)) is not 0)
            throw new InvalidOperationException($"sandbox bootstrap of the run's resources failed:\n{bootstrap.Tail}");
    }

    /// <summary>Removes what the run made (a 30M day is gigabytes in the engine, the warehouse and S3).</summary>
    public async Task DeleteAsync(SandboxEndpoints stack, TextWriter output)
    {
        var names = Endpoints.Resources;
        await Try("stream", async () =>
        {
            using var kinesis = KinesisClient.Create(stack);
            await kinesis.DeleteStreamAsync(new DeleteStreamRequest { StreamName = names.Stream });
        });
        await Try("database", async () =>
        {
            await using var admin = NpgsqlDataSource.Create(stack.WarehouseAdminConnectionString);
            await using var drop = admin.CreateCommand($"drop database if exists \"{Database}\" with (force)");
            await drop.ExecuteNonQueryAsync();
        });
        await Try("tables", async () =>
        {
            using var dynamo = AwsClients.DynamoDb(stack);
            foreach (var table in new[] { names.ClickLogTable, names.LeaseTable }) await dynamo.DeleteTableAsync(table);
        });
        await Try("buckets", async () =>
        {
            using var s3 = AwsClients.S3(stack);
            foreach (var bucket in names.Buckets) await EmptyAndDeleteAsync(s3, bucket);
        });

        async Task Try(string what, Func<Task> delete)
        {
            try
            {
                await delete();
            }
            catch (Exception e) when (e is KinesisException or NpgsqlException or AmazonDynamoDBException or AmazonS3Exception or HttpRequestException)
            {
                output.WriteLine($"load: could not remove the run's {what}: {e.Message}");
            }
        }
    }

    private static async Task EmptyAndDeleteAsync(IAmazonS3 s3, string bucket)
    {
        while (true)
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
            if (page.S3Objects is not { Count: > 0 } objects) break;
            await s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = bucket, Objects = objects.Select(o => new KeyVersion { Key = o.Key }).ToList() });
        }
        await s3.DeleteBucketAsync(bucket);
    }
}
