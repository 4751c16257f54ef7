using Sandbox.Kinesis;

namespace Sandbox.Shipper.Tests.Support;

/// <summary>One engine shared by the tests that never stop it; each test uses a stream of its own.</summary>
public sealed class SharedEngine : IAsyncLifetime
{
    public KinesisEngine Engine { get; private set; } = null!;
    public KinesisClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await KinesisEngine.StartAsync();
        Client = Engine.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Engine.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedEngineCollection : ICollectionFixture<SharedEngine>
{
    public const string Name = "shared sandbox-kinesis";
}
