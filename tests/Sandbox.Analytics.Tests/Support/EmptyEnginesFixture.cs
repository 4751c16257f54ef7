using Sandbox.Analytics.Engines;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>An empty scratch warehouse and lake; each test loads its own events on its own day.</summary>
public sealed class EmptyEnginesFixture : IAsyncLifetime
{
    private ScratchWarehouse? _warehouse;
    private MemoryLake? _lake;

    public AnalyticsQueries Warehouse { get; private set; } = null!;
    public AnalyticsQueries Lake { get; private set; } = null!;

    public async Task<AnalyticsQueries> LoadAsync(string engine, IReadOnlyList<EventRow> events)
    {
        if (engine == "warehouse")
        {
            await _warehouse!.LoadAsync(events);
            return Warehouse;
        }
        _lake!.Load(events);
        return Lake;
    }

    public async Task InitializeAsync()
    {
        _warehouse = await ScratchWarehouse.CreateAsync();
        _lake = new MemoryLake();
        Warehouse = new AnalyticsQueries(new WarehouseEngine(_warehouse.DataSource));
        Lake = new AnalyticsQueries(new DuckDbEngine(_lake.Connection));
    }

    public async Task DisposeAsync()
    {
        _lake?.Dispose();
        if (_warehouse is not null) await _warehouse.DisposeAsync();
    }
}
