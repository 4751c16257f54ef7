using System.Net;
using System.Text.Json.Nodes;
using Sandbox.Kinesis.Server.Hosting;
using Sandbox.Testing;

namespace Sandbox.Kinesis.Server.Tests.Support;

/// <summary>The engine started in this test process on a free loopback port, with a hand-moved clock.</summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private EngineServer? _server;

    public ManualTime Time { get; } = new();
    public KinesisWire Wire { get; private set; } = null!;
    public string DataDirectory => _data.Path;

    public static async Task<InProcessEngine> StartAsync(bool limits = false)
    {
        var engine = new InProcessEngine();
        engine._server = await EngineServer.StartAsync(new EngineOptions(IPAddress.Loopback, 0, engine._data.Path, limits), engine.Time);
        engine.Wire = new KinesisWire(engine._server.Url);
        return engine;
    }

    public async Task CreateStreamAsync(string name, int shards = 1, object? tags = null) =>
        await Wire.OkAsync("CreateStream", tags is null ? new { StreamName = name, ShardCount = shards } : new { StreamName = name, ShardCount = shards, Tags = tags });

    public async Task<JsonObject> PutAsync(string stream, string partitionKey, string data) =>
        await Wire.OkAsync("PutRecord", new { StreamName = stream, PartitionKey = partitionKey, Data = KinesisWire.Base64(data) });

    public async Task<string> IteratorAsync(string stream, string shardId, string type = "TRIM_HORIZON", string? sequence = null) =>
        (string)(await Wire.OkAsync("GetShardIterator", new { StreamName = stream, ShardId = shardId, ShardIteratorType = type, StartingSequenceNumber = sequence }))["ShardIterator"]!;

    public async Task<JsonObject> GetRecordsAsync(string iterator, int? limit = null) =>
        await Wire.OkAsync("GetRecords", limit is null ? new { ShardIterator = iterator } : new { ShardIterator = iterator, Limit = limit });

    public async ValueTask DisposeAsync()
    {
        Wire?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        _data.Dispose();
    }
}
