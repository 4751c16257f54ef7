using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Sandbox.Aws;
using Sandbox.ClickLog.Handler;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis;

namespace Sandbox.ClickLog.Tests.Infrastructure;

/// <summary>
/// A private sandbox-kinesis engine plus the shared native stack's DynamoDB (sandbox-dynamodb) and s3rver. Every
/// test makes its own stream, tables and bucket prefix, so tests never see each other's data.
/// </summary>
public sealed class ClickLogFixture : IAsyncLifetime
{
    private KinesisEngine _engine = null!;

    public SandboxEndpoints Endpoints { get; private set; } = null!;
    public KinesisClient Kinesis { get; private set; } = null!;
    public IAmazonDynamoDB Dynamo { get; private set; } = null!;
    public IAmazonS3 S3 { get; private set; } = null!;

    /// <summary>One bucket for the whole run; tests write under their own prefixes.</summary>
    public string ErrorBucket { get; } = Unique("clicklog-errors");

    public async Task InitializeAsync()
    {
        _engine = await KinesisEngine.StartAsync();
        Endpoints = EndpointsLoader.Load() with { KinesisUrl = _engine.Url };
        Kinesis = _engine.CreateClient();
        Dynamo = AwsClients.DynamoDb(Endpoints);
        S3 = AwsClients.S3(Endpoints);
        await S3.PutBucketAsync(ErrorBucket);
    }

    public async Task DisposeAsync()
    {
        Kinesis.Dispose();
        Dynamo.Dispose();
        S3.Dispose();
        await _engine.DisposeAsync();
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public async Task<string> CreateStreamAsync(int shards = 1)
    {
        var name = Unique("clicks");
        await Kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        await Kinesis.WaitForStreamActiveAsync(name);
        return name;
    }

    public Task<string> CreateClickTableAsync() => CreateTableAsync(ClickLogTable.Definition(Unique("click_logs")));

    public Task<string> CreateLeaseTableAsync() => CreateTableAsync(LeaseTable.Definition(Unique("leases")));

    /// <summary>Puts each line with its partition key, in order; returns the stored records' shard and sequence number.</summary>
    public async Task<IReadOnlyList<PutRecordsResultEntry>> PutAsync(string stream, IEnumerable<(string Key, string Line)> records)
    {
        var stored = new List<PutRecordsResultEntry>();
        foreach (var chunk in records.Chunk(500))
        {
            var response = await Kinesis.PutRecordsAsync(new PutRecordsRequest
            {
                StreamName = stream,
                Records = [.. chunk.Select(r => new PutRecordsRequestEntry { PartitionKey = r.Key, Data = System.Text.Encoding.UTF8.GetBytes(r.Line) })],
            });
            Assert.Equal(0, response.FailedRecordCount);
            stored.AddRange(response.Records);
        }
        return stored;
    }

    public async Task<int> CountItemsAsync(string table)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Dynamo.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT, ExclusiveStartKey = start });
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        } while (start is not null);
        return count;
    }

    private async Task<string> CreateTableAsync(CreateTableRequest request)
    {
        await Dynamo.CreateTableAsync(request);
        while ((await Dynamo.DescribeTableAsync(request.TableName)).Table.TableStatus != TableStatus.ACTIVE)
            await Task.Delay(50);
        return request.TableName;
    }
}

[CollectionDefinition(Name)]
public sealed class ClickLogCollection : ICollectionFixture<ClickLogFixture>
{
    public const string Name = "click log";
}
