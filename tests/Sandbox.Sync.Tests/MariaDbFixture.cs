using Sandbox.Testing;

namespace Sandbox.Sync.Tests;

/// <summary>One private MariaDB for the collection; every test makes its own database on it.</summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    public PrivateMariaDb? Server { get; private set; }

    public async Task InitializeAsync()
    {
        if (PrivateMariaDb.Available) Server = await PrivateMariaDb.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public class SyncCollection : ICollectionFixture<StackFixture>, ICollectionFixture<MariaDbFixture>
{
    public const string Name = "sync";
}

