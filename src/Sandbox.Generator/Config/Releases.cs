namespace Sandbox.Generator.Config;

/// <summary>The releases that roll out during the range: configured ones, or one a fortnight by default.</summary>
public static class Releases
{
    public static IReadOnlyList<ReleaseDefinition> Resolve(GeneratorConfig config)
    {
        if (config.Behaviour.Releases is { } configured) return configured;
        if (config.From > config.To) return [];
        var parts = config.Behaviour.BaseAppVersion.Split('.');
        if (parts.Length != 3 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor)) return [];
        var releases = new List<ReleaseDefinition>();
        for (var offset = Math.Min(7, config.DayCount / 2); offset < config.DayCount; offset += 14)
            releases.Add(new ReleaseDefinition($"{major}.{++minor}.0", config.From.AddDays(offset)));
        return releases;
    }
}
