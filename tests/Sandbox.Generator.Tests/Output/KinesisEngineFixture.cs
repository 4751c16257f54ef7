using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests.Output;

/// <summary>A private sandbox-kinesis (limits off) shared by the Kinesis sink tests; each test makes its own stream.</summary>
public sealed class KinesisEngineFixture : IAsyncLifetime
{
    public KinesisEngine Engine { get; private set; } = null!;
    public KinesisClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await KinesisEngine.StartAsync(limits: false);
        Client = Engine.CreateClient();
    }

    public async Task<string> NewStreamAsync(int shards = 3)
    {
        var name = "gen-sink-" + Guid.NewGuid().ToString("N")[..12];
        await Client.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30));
        return name;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Engine.DisposeAsync();
    }
}
