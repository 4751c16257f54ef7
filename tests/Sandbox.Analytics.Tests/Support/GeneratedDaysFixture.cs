using Sandbox.Analytics.Engines;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>
/// Generates a few days once and loads them into a scratch warehouse, an in-memory DuckDB table ("lake") and
/// a real archive bucket with a redelivered object, read by Sandbox.Lake ("lake-archive").
/// </summary>
public sealed class GeneratedDaysFixture : IAsyncLifetime
{
    private ScratchWarehouse? _warehouse;
    private MemoryLake? _lake;
    private RedeliveredArchive? _archive;

    public GeneratedDays Data { get; private set; } = null!;
    public AnalyticsQueries Warehouse { get; private set; } = null!;
    public AnalyticsQueries Lake { get; private set; } = null!;
    public AnalyticsQueries LakeArchive { get; private set; } = null!;

    /// <summary>Records archived twice (one batch redelivered): the raw archive holds this many more than the events.</summary>
    public long Redelivered => _archive!.Redelivered;

    public DuckDB.NET.Data.DuckDBConnection ArchiveConnection => _archive!.Connection;

    public DuckDB.NET.Data.DuckDBConnection LakeConnection => _lake!.Connection;

    public AnalyticsQueries Engine(string name) => name switch
    {
        "warehouse" => Warehouse,
        "lake" => Lake,
        "lake-archive" => LakeArchive,
        _ => throw new ArgumentException($"no engine '{name}'", nameof(name)),
    };

    public async Task InitializeAsync()
    {
        Data = GeneratedDays.Generate();
        _warehouse = await ScratchWarehouse.CreateAsync();
        await _warehouse.LoadAsync(Data.Events);
        _lake = new MemoryLake();
        _lake.Load(Data.Events);
        Warehouse = new AnalyticsQueries(new WarehouseEngine(_warehouse.DataSource));
        Lake = new AnalyticsQueries(new DuckDbEngine(_lake.Connection));
        _archive = await RedeliveredArchive.CreateAsync(Data.Lines);
        LakeArchive = new AnalyticsQueries(new DuckDbEngine(_archive.Connection));
    }

    public async Task DisposeAsync()
    {
        _lake?.Dispose();
        if (_archive is not null) await _archive.DisposeAsync();
        if (_warehouse is not null) await _warehouse.DisposeAsync();
    }
}
