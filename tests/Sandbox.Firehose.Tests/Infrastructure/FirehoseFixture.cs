using Amazon.DynamoDBv2;
using Amazon.S3;
using Npgsql;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;
using Sandbox.Warehouse;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>
/// Our own Kinesis engine plus the shared native stack (sandbox-dynamodb, s3rver, Postgres) for S3,
/// DynamoDB and the warehouse. Tests isolate themselves with unique stream/bucket/table names.
/// </summary>
public sealed class FirehoseFixture : IAsyncLifetime
{
    private KinesisEngine _engine = null!;

    public SandboxEndpoints Endpoints { get; private set; } = null!;
    public KinesisClient Kinesis { get; private set; } = null!;
    public IAmazonS3 S3 { get; private set; } = null!;
    public IAmazonDynamoDB Dynamo { get; private set; } = null!;
    public NpgsqlDataSource Warehouse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _engine = await KinesisEngine.StartAsync();
        Endpoints = EndpointsLoader.Load() with { KinesisUrl = _engine.Url };
        Kinesis = KinesisClient.Create(Endpoints);
        S3 = AwsClients.S3(Endpoints);
        Dynamo = AwsClients.DynamoDb(Endpoints);
        Warehouse = WarehouseDataSource.Create(Endpoints);
        await using var admin = WarehouseDataSource.CreateAdmin(Endpoints);
        await new Migrator(admin).MigrateAsync(); // idempotent; the loader's tables must exist
    }

    public async Task DisposeAsync()
    {
        Kinesis.Dispose();
        S3.Dispose();
        Dynamo.Dispose();
        await Warehouse.DisposeAsync();
        await _engine.DisposeAsync();
    }

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public async Task<string> CreateStreamAsync(int shards)
    {
        var name = UniqueName("fh");
        await Kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        await Kinesis.WaitForStreamActiveAsync(name);
        return name;
    }

    public async Task<string> CreateBucketAsync()
    {
        var name = UniqueName("fh-bucket");
        await S3.PutBucketAsync(name);
        return name;
    }

    public async Task<string> CreateLeaseTableAsync()
    {
        var name = UniqueName("fh_leases");
        await Dynamo.CreateTableAsync(LeaseTable.Definition(name));
        while ((await Dynamo.DescribeTableAsync(name)).Table.TableStatus != Amazon.DynamoDBv2.TableStatus.ACTIVE)
            await Task.Delay(50);
        return name;
    }

    /// <summary>Puts the records in order, each with its partition key; returns them as sent.</summary>
    public async Task PutAsync(string stream, IReadOnlyList<(string Key, string Line)> records)
    {
        foreach (var chunk in records.Chunk(500))
        {
            var response = await Kinesis.PutRecordsAsync(new PutRecordsRequest
            {
                StreamName = stream,
                Records = [.. chunk.Select(r => new PutRecordsRequestEntry { PartitionKey = r.Key, Data = System.Text.Encoding.UTF8.GetBytes(r.Line) })],
            });
            Assert.Equal(0, response.FailedRecordCount);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FirehoseCollection : ICollectionFixture<FirehoseFixture>
{
    public const string Name = "firehose";
}
