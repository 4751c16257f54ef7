using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sandbox.Sync.Config;

/// <summary>
/// Reads sync/*.yml (one table per file, named after the file). Every mistake is reported with the
/// file and the key, before anything touches a database.
/// </summary>
public static partial class SyncConfigLoader
{
    public const string DefaultTargetSchema = "app";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Every *.yml in <paramref name="directory"/>, by file name.</summary>
    public static IReadOnlyList<SyncTableConfig> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new FormatException($"sync config folder '{directory}' does not exist (one YAML file per table, e.g. sync/users.yml)");
        var files = Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new FormatException($"sync config folder '{directory}' has no *.yml files");
        var tables = files.Select(LoadFile).ToList();
        var clash = tables.GroupBy(t => t.Target).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new FormatException($"{string.Join(" and ", clash.Select(t => t.File))} both write {clash.Key}");
        return tables;
    }

    public static SyncTableConfig LoadFile(string path) => Parse(Path.GetFileNameWithoutExtension(path), path, File.ReadAllText(path));

    public static SyncTableConfig Parse(string name, string file, string yaml)
    {
        if (!IdentifierPattern().IsMatch(name))
            throw new FormatException($"{file}: the file name '{name}' must be a lower-case identifier (it names the table's sync)");
        SyncFile? parsed;
        try
        {
            parsed = Yaml.Deserialize<SyncFile>(yaml);
        }
        catch (YamlException e)
        {
            throw new FormatException($"{file}:{e.Start.Line}:{e.Start.Column}: {Innermost(e).Message}", e);
        }
        if (parsed is null) throw new FormatException($"{file}: empty file");
        FormatException Error(string what) => new($"{file}: {what}");
        void Fail(string what) => throw Error(what);

        var source = parsed.Source ?? throw Error("'source' is missing (source: {table: NAME} or source: {query: SELECT ...})");
        if ((source.Table is null) == (source.Query is null))
            Fail("'source' needs exactly one of 'table' and 'query'");
        if (source.Table is not null && !IdentifierPattern().IsMatch(source.Table))
            Fail($"source.table '{source.Table}' is not a plain table name");

        var mode = parsed.Mode is null ? SyncMode.Merge
            : SyncModes.ByName.TryGetValue(parsed.Mode, out var m) ? m
            : throw Error($"mode '{parsed.Mode}' is not one of {string.Join(", ", SyncModes.ByName.Keys)}");

        var (schema, table) = ParseTarget(parsed.Target ?? $"{DefaultTargetSchema}.{name}", Error);
        var incremental = Columns(parsed.IncrementalColumns, "incremental_columns", Error);
        var mergeKeys = Columns(parsed.MergeKeys, "merge_keys", Error);
        if (!mode.IsIncremental() && incremental.Count > 0)
            Fail($"mode {mode.Name()} reads the whole source every run: remove incremental_columns (or use insert, insert_direct or merge)");
        if (mode != SyncMode.Merge && mergeKeys.Count > 0)
            Fail($"merge_keys only applies to mode merge, not {mode.Name()}");
        if (source.Query is not null && mode.IsIncremental() && incremental.Count == 0)
            Fail("a query source has no primary key to default to: name its incremental_columns");
        if (source.Query is not null && mode == SyncMode.Merge && mergeKeys.Count == 0)
            Fail("a query source has no primary key to default to: name its merge_keys");

        return new SyncTableConfig(name, file, source.Table, source.Query?.Trim().TrimEnd(';'), schema, table, mode, incremental, mergeKeys);
    }

    private static (string Schema, string Table) ParseTarget(string target, Func<string, FormatException> error)
    {
        var parts = target.Split('.');
        return parts switch
        {
            [var table] when IdentifierPattern().IsMatch(table) => (DefaultTargetSchema, table),
            [var schema, var table] when IdentifierPattern().IsMatch(schema) && IdentifierPattern().IsMatch(table) => (schema, table),
            _ => throw error($"target '{target}' is not [schema.]table in lower-case identifiers"),
        };
    }

    private static IReadOnlyList<string> Columns(List<string>? columns, string key, Func<string, FormatException> error)
    {
        if (columns is null) return [];
        foreach (var column in columns)
            if (!IdentifierPattern().IsMatch(column ?? "")) throw error($"{key}: '{column}' is not a plain column name");
        if (columns.Distinct().Count() != columns.Count) throw error($"{key} names a column twice");
        return columns;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    // Lower-case identifiers need no quoting on either database and mean the same on both.
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();

    internal static bool IsIdentifier(string name) => IdentifierPattern().IsMatch(name);

    // The file's shape; YamlDotNet refuses keys that are not here.
    private sealed class SyncFile
    {
        public SourceSection? Source { get; set; }
        public string? Target { get; set; }
        public string? Mode { get; set; }
        public List<string>? IncrementalColumns { get; set; }
        public List<string>? MergeKeys { get; set; }
    }

    private sealed class SourceSection
    {
        public string? Table { get; set; }
        public string? Query { get; set; }
    }
}
