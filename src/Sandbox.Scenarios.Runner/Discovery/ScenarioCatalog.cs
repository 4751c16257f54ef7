namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>Every case of every *.feature file under a folder, in a stable order.</summary>
public sealed class ScenarioCatalog
{
    private readonly Dictionary<string, ScenarioCase> _byId;

    private ScenarioCatalog(string root, IReadOnlyList<FeatureDocument> features)
    {
        Root = root;
        Features = features;
        _byId = features.SelectMany(f => f.Cases).ToDictionary(c => c.Id);
    }

    public string Root { get; }
    public IReadOnlyList<FeatureDocument> Features { get; }
    public IEnumerable<ScenarioCase> Cases => Features.SelectMany(f => f.Cases);

    public static ScenarioCatalog Load(string featuresDirectory)
    {
        var root = Path.GetFullPath(featuresDirectory);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"Features folder '{featuresDirectory}' does not exist (resolved to {root}).");

        var features = Directory.EnumerateFiles(root, "*.feature", SearchOption.AllDirectories)
            .Select(path => (path, relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .OrderBy(f => f.relative, StringComparer.Ordinal)
            .Select(f => FeatureDocument.Load(f.path, f.relative))
            .ToList();
        return new ScenarioCatalog(root, features);
    }

    public ScenarioCase Find(string id) =>
        _byId.TryGetValue(id, out var scenarioCase)
            ? scenarioCase
            : throw new KeyNotFoundException($"No scenario '{id}' under {Root}; known: {string.Join(", ", _byId.Keys)}.");
}
