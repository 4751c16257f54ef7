using System.Reflection;
using System.Text.RegularExpressions;

namespace Sandbox.Core.Schema;

/// <summary>Migrations embedded in an assembly as migrations/NNNN_name.sql, in version order (warehouse and app database alike).</summary>
public static partial class MigrationFiles
{
    private const string Prefix = "migrations/";

    public static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(Parse(resource[Prefix.Length..], reader.ReadToEnd()));
        }
        return Ordered(migrations);
    }

    public static Migration Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
            throw new FormatException($"migration file '{fileName}' must be named NNNN_name.sql (e.g. 0001_events.sql)");
        return new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, sql);
    }

    public static IReadOnlyList<Migration> Ordered(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var clash = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (clash != null)
            throw new InvalidOperationException(
                $"migrations {string.Join(" and ", clash)} share version {clash.Key}: give each a unique number");
        return ordered;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
