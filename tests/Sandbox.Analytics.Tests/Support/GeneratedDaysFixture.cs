using Sandbox.Analytics.Engines;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>Generates a few days once and loads them into a scratch warehouse and an in-memory lake.</summary>
public sealed class GeneratedDaysFixture : IAsyncLifetime
{
    private ScratchWarehouse? _warehouse;
    private MemoryLake? _lake;

    public GeneratedDays Data { get; private set; } = null!;
    public AnalyticsQueries Warehouse { get; private set; } = null!;
    public AnalyticsQueries Lake { get; private set; } = null!;

    public DuckDB.NET.Data.DuckDBConnection LakeConnection => _lake!.Connection;

    public AnalyticsQueries Engine(string name) => name == "warehouse" ? Warehouse : Lake;

    public async Task InitializeAsync()
    {
        Data = GeneratedDays.Generate();
        _warehouse = await ScratchWarehouse.CreateAsync();
        await _warehouse.LoadAsync(Data.Events);
        _lake = new MemoryLake();
        _lake.Load(Data.Events);
        Warehouse = new AnalyticsQueries(new WarehouseEngine(_warehouse.DataSource));
        Lake = new AnalyticsQueries(new DuckDbEngine(_lake.Connection));
    }

    public async Task DisposeAsync()
    {
        _lake?.Dispose();
        if (_warehouse is not null) await _warehouse.DisposeAsync();
    }
}
