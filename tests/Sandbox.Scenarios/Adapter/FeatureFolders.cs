using System.Collections.Concurrent;
using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Adapter;

/// <summary>
/// Parsed feature folders, shared by discovery and execution so that every case of a feature
/// runs with the same FeatureInfo instance.
/// </summary>
public static class FeatureFolders
{
    private static readonly ConcurrentDictionary<string, Lazy<ScenarioCatalog>> Catalogs = new();

    public static ScenarioCatalog Load(string folder) =>
        Catalogs.GetOrAdd(folder, f => new Lazy<ScenarioCatalog>(() => ScenarioCatalog.Load(Path.Combine(AppContext.BaseDirectory, f)))).Value;
}
