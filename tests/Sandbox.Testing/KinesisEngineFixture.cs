using Sandbox.Kinesis;

namespace Sandbox.Testing;

/// <summary>
/// A private sandbox-kinesis (limits off) and a client to it, started once for a test class
/// (<c>IClassFixture</c>) or a collection (<c>ICollectionFixture</c>; xunit wants the collection
/// defined in the test assembly). For tests that never stop the engine: each uses a stream of its own
/// (<see cref="KinesisTestStreams.CreateTestStreamAsync"/>). A test that kills the engine starts its own <see cref="KinesisEngine"/>.
/// </summary>
public class KinesisEngineFixture : IAsyncLifetime
{
    public KinesisEngine Engine { get; private set; } = null!;
    public KinesisClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await KinesisEngine.StartAsync(limits: false);
        Client = Engine.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Engine.DisposeAsync();
    }
}
