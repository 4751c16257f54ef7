using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Schema;

[Collection(StackCollection.Name)]
public class ThrowawayDatabaseTests(StackFixture stack)
{
    [Fact]
    public async Task Is_created_migrated_and_dropped_on_dispose()
    {
        var database = await ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "throwaway");
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from events"));

        await database.DisposeAsync();

        await using var exists = stack.Stack.Warehouse.CreateCommand($"select count(*) from pg_database where datname = '{database.Name}'");
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_unreachable_server_is_named_with_what_to_do()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ThrowawayDatabase.CreateAsync("Host=127.0.0.1;Port=1;Username=sandbox;Database=warehouse;Timeout=2", "throwaway"));

        Assert.StartsWith("the warehouse at 'Host=127.0.0.1;Port=1;", error.Message);
        Assert.Contains("start the stack with 'make up'", error.Message);
    }
}
