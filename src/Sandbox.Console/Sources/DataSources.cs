using Sandbox.Console.Queries;

namespace Sandbox.Console.Sources;

/// <summary>Where a query runs: the warehouse (the analyst role through the Redshift endpoint) or the lake (DuckDB over the archive).</summary>
public sealed class DataSources(QueryRunner warehouse, LakeRunner lake)
{
    public const string Warehouse = "warehouse";
    public const string Lake = "lake";
    public static readonly IReadOnlyList<string> Names = [Warehouse, Lake];

    /// <param name="source">Null means the warehouse.</param>
    public static void Check(string? source)
    {
        if (source is not null && !Names.Contains(source))
            throw new QueryInputException($"source '{source}' is unknown: use {string.Join(" or ", Names)}");
    }

    public Task<RunSummary> RunAsync(string? source, BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        Check(source);
        return source == Lake ? lake.RunAsync(query, sink, rowCap, cancellationToken) : warehouse.RunAsync(query, sink, rowCap, cancellationToken);
    }
}
