namespace Sandbox.DynamoDb.Server.Tests.Support;

/// <summary>Base of the API tests: a fresh in-process engine per test with one table (pk + sk, or pk alone).</summary>
public abstract class TableTests(string hash = "pk", string? range = "sk") : IAsyncLifetime
{
    protected InProcessDynamoDb Db { get; private set; } = null!;
    protected string Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await InProcessDynamoDb.StartAsync();
        Table = await Db.CreateTableAsync(hash, range);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
