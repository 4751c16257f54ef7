using Amazon.DynamoDBv2;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;
using Sandbox.Load.Day;
using Sandbox.Stack.Isolation;

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

    public string Database => new NpgsqlConnectionStringBuilder(Endpoints.WarehouseAdminConnectionString).Database!;

    /// <summary>The run's names (load-&lt;id&gt;...) and database (load_&lt;id&gt;) on <paramref name="stack"/>, as `sandbox` processes see them.</summary>
    public static RunResources For(string id, SandboxEndpoints stack, int shards)
    {
        var endpoints = RunContract.On(stack, RunContract.Names("load", id, shards), $"load_{id.Replace('-', '_')}");
        // Pooled: the boxes of a long run load many batches; a killed one's idle connections go with its process.
        return new RunResources(id, endpoints, RunContract.Variables(endpoints, pooling: true));
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
            foreach (var bucket in names.Buckets) await s3.EmptyAndDeleteAsync(bucket);
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
}
