using Sandbox.Console.Queries;

namespace Sandbox.Console.Sources;

/// <summary>Where a query runs: the warehouse (the analyst role through the Redshift endpoint), the lake (DuckDB over the archive) or the app database (its read-only role).</summary>
public sealed class DataSources(QueryRunner warehouse, LakeRunner lake, AppDatabaseRunner appDatabase)
{
    public const string Warehouse = "warehouse";
    public const string Lake = "lake";
    public const string AppDatabase = "appdb";
    public static readonly IReadOnlyList<string> Names = [Warehouse, Lake, AppDatabase];

    /// <param name="source">Null means the warehouse.</param>
    public static void Check(string? source)
    {
        if (source is not null && !Names.Contains(source))
            throw new QueryInputException($"source '{source}' is unknown: use {string.Join(", ", Names)}");
    }

    /// <summary>Binds the SQL's parameters the way the source takes them, then runs it there.</summary>
    public static BoundQuery Bind(string? source, string sql, IReadOnlyList<ParameterDefinition> definitions, IReadOnlyDictionary<string, string?> values) =>
        ParameterBinder.Bind(sql, definitions, values, source == AppDatabase ? AppDatabaseRunner.PlaceholderPrefix : "$");

    public Task<RunSummary> RunAsync(string? source, BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        Check(source);
        return source switch
        {
            Lake => lake.RunAsync(query, sink, rowCap, cancellationToken),
            AppDatabase => appDatabase.RunAsync(query, sink, rowCap, cancellationToken),
            _ => warehouse.RunAsync(query, sink, rowCap, cancellationToken),
        };
    }
}
