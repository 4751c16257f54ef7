using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Sandbox.DynamoDb.Server.Hosting;
using Sandbox.Testing;

namespace Sandbox.DynamoDb.Server.Tests.Support;

/// <summary>The engine in this test process on a free loopback port, and an AWS SDK client for it.</summary>
public sealed class InProcessDynamoDb : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private EngineServer? _server;

    public AmazonDynamoDBClient Client { get; private set; } = null!;
    public string DataDirectory => _data.Path;

    public static async Task<InProcessDynamoDb> StartAsync()
    {
        var engine = new InProcessDynamoDb();
        await engine.OpenAsync();
        return engine;
    }

    public static AmazonDynamoDBClient ClientFor(Uri url) => new(new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = "ap-northeast-1", MaxErrorRetry = 0 });

    /// <summary>Stops the engine (flushing as SIGTERM does) and starts it again over the same folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await OpenAsync();
    }

    public async Task StopAsync()
    {
        Client.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        _server = null;
    }

    private async Task OpenAsync()
    {
        _server = await EngineServer.StartAsync(new EngineOptions(IPAddress.Loopback, 0, _data.Path));
        Client = ClientFor(_server.Url);
    }

    /// <summary>A table keyed like click_logs (user_id + event_key) or, without a sort key, like the lease table.</summary>
    public async Task<string> CreateTableAsync(string hash = "pk", string? range = "sk", ScalarAttributeType? rangeType = null)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(hash, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hash, KeyType.HASH)],
        };
        if (range is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(range, rangeType ?? ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(range, KeyType.RANGE));
        }
        await Client.CreateTableAsync(request);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _data.Dispose();
    }
}
