using DuckDB.NET.Data;
using Sandbox.Lake.Sql;
using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Storage;

/// <summary>
/// A Parquet copy of each cached object, converted once per ETag next to the raw entry
/// (<c>&lt;key&gt;.&lt;etag&gt;.v1.parquet</c>): gzip JSON is parse-bound (docs/FACTS-LOCAL.md: ~13 s vs ~4 s native for
/// the 14-day funnel), Parquet is not. The raw object is fetched only when no copy exists for its ETag.
/// </summary>
public sealed class ColumnarCache(ObjectCache raw, LakeStats stats)
{
    // Bump when the conversion changes (columns, types): old copies are then simply not found.
    private const string FormatVersion = "v1";

    public string PathFor(ArchiveObject item) => $"{raw.RawPath(item)}.{ObjectCache.Tag(item.ETag)}.{FormatVersion}.parquet";

    public async Task<string> ColumnarAsync(LakeTable table, ArchiveObject item, CancellationToken cancellationToken)
    {
        var path = PathFor(item);
        if (File.Exists(path))
        {
            stats.CountHit();
            return path;
        }
        var source = await raw.RawAsync(item, cancellationToken);
        AtomicFile.Produce(path, temporary => Convert(table, item, source, temporary));
        RemoveOtherVersions(source, path);
        stats.CountConversion();
        return path;
    }

    private static void Convert(LakeTable table, ArchiveObject item, string source, string target)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            set autoinstall_known_extensions = false; set threads = 1;
            copy (select *, {SqlText.Literal(item.Partition.Dt.ToString("yyyy-MM-dd"))} as dt, {item.Partition.Hour} as hour
                  from {JsonScan.Of(table, [source])})
            to {SqlText.Literal(target)} (format parquet, compression zstd)
            """;
        try
        {
            command.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new LakeException($"s3://{item.Bucket}/{item.Key} is not {table.Name} JSON lines: {SqlText.FirstLine(e.Message)}", e);
        }
    }

    private static void RemoveOtherVersions(string source, string keep)
    {
        foreach (var stale in Directory.EnumerateFiles(Path.GetDirectoryName(source)!, Path.GetFileName(source) + ".*.parquet"))
            if (stale != keep) File.Delete(stale);
    }
}
