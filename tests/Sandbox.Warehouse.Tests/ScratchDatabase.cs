using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests;

/// <summary>An empty throwaway database on the stack's warehouse server (schema tests migrate it themselves).</summary>
public static class ScratchDatabase
{
    public static Task<ThrowawayDatabase> CreateAsync(StackFixture stack) =>
        ThrowawayDatabase.CreateAsync(stack.Endpoints.WarehouseAdminConnectionString, "scratch", migrate: false);
}
