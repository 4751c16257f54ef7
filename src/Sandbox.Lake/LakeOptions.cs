using Sandbox.Lake.Tables;

namespace Sandbox.Lake;

/// <summary>How a lake reads the archive.</summary>
public sealed record LakeOptions
{
    public const string DefaultCacheRoot = ".sandbox/lake-cache";

    public string CacheRoot { get; init; } = DefaultCacheRoot;

    /// <summary>Parquet (default): query a per-object columnar copy. Json: parse the cached gzip JSON on every query.</summary>
    public LakeFormat Format { get; init; } = LakeFormat.Parquet;

    /// <summary>Objects fetched and converted at once.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public IReadOnlyList<LakeTable> Tables { get; init; } = ArchiveTables.All;

    /// <summary>Reuse the bucket's listing for a while (a long-lived reader such as the console); null lists on every open.</summary>
    public Storage.ListingCache? Listing { get; init; }
}

public enum LakeFormat
{
    Parquet,
    Json,
}
