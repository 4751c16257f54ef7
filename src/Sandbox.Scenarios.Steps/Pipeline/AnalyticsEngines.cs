using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Lake;
using Sandbox.Stack.Isolation;

namespace Sandbox.Scenarios.Steps.Pipeline;

/// <summary>
/// The analytics engines over a scenario's own delivered data, by the name a step uses: "warehouse"
/// (its database) or "lake" (Sandbox.Lake over its archive bucket, all partitions, with a cache in the
/// scenario's work folder). The lake is opened once, at its first use after delivery, and closed with the scenario.
/// </summary>
public sealed class AnalyticsEngines(IsolatedResources resources, string cacheFolder) : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Names = ["warehouse", "lake"];

    private DuckDbEngine? _lake;

    public async Task<AnalyticsQueries> QueriesAsync(string engine) => engine switch
    {
        "warehouse" => new AnalyticsQueries(new WarehouseEngine(resources.Clients.Warehouse)),
        "lake" => new AnalyticsQueries(_lake ??= new DuckDbEngine(
            await LakeSession.OpenAsync(resources.Endpoints, options: new LakeOptions { CacheRoot = cacheFolder }), "lake", ownsConnection: true)),
        _ => throw new ArgumentException($"unknown engine \"{engine}\": {string.Join(" or ", Names)}"),
    };

    public async ValueTask DisposeAsync()
    {
        if (_lake is not null) await _lake.DisposeAsync();
    }
}
