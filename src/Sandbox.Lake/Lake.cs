using Amazon.S3;
using DuckDB.NET.Data;
using Sandbox.Lake.Partitions;
using Sandbox.Lake.Sql;
using Sandbox.Lake.Storage;
using Sandbox.Lake.Tables;

namespace Sandbox.Lake;

/// <summary>
/// Athena over one archive bucket: lists it, brings the objects of the partitions a query needs into
/// the local cache, and opens an in-memory DuckDB whose views (<c>events</c>, <c>processing_failed</c>)
/// read exactly those files. <c>events</c> keeps one row per event_id (the archive is at-least-once);
/// <c>events_raw</c> shows every archived record.
/// </summary>
public sealed class Lake(IAmazonS3 s3, string bucket, LakeOptions? options = null)
{
    private readonly LakeOptions _options = options ?? new LakeOptions();

    public string Bucket { get; } = bucket;

    /// <summary>Counters of the last <see cref="OpenAsync"/>.</summary>
    public LakeStats Stats { get; private set; } = new();

    /// <summary>A DuckDB connection (UTC session, no extension downloads) with one view per table; the caller disposes it.</summary>
    public async Task<DuckDBConnection> OpenAsync(PartitionFilter partitions, CancellationToken cancellationToken = default)
    {
        Stats = new LakeStats();
        IReadOnlyList<Amazon.S3.Model.S3Object> listed;
        if (_options.Listing is { } listing) (listed, Stats.ListingReused) = await listing.ListAsync(s3, Bucket, cancellationToken);
        else listed = await ArchiveListing.ListAsync(s3, Bucket, "", cancellationToken);
        var views = new List<string>();
        var read = new Dictionary<LakeTable, IReadOnlyList<ArchiveObject>>();
        foreach (var table in _options.Tables)
        {
            var objects = read[table] = Select(table, listed, partitions);
            var files = await LocalFilesAsync(table, objects, cancellationToken);
            views.Add(_options.Format == LakeFormat.Parquet ? TableViews.Parquet(table, files) : TableViews.Json(table, files));
        }
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "set TimeZone = 'UTC'; set autoinstall_known_extensions = false; " + string.Join(";\n", views);
            await command.ExecuteNonQueryAsync(cancellationToken);
            foreach (var table in _options.Tables.Where(t => t.Distinct is not null))
                await DistinctAsync(connection, table, read[table], cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The one-row-per-key view over the raw one (the archive is at-least-once): the duplicate keys of exactly
    /// these objects come from the cache, or are found and kept there; counts the records the view leaves out.
    /// </summary>
    private async Task DistinctAsync(DuckDBConnection connection, LakeTable table, IReadOnlyList<ArchiveObject> objects, CancellationToken cancellationToken)
    {
        var cachePath = new DuplicateKeyCache(_options.CacheRoot).PathFor(table, Bucket, objects);
        var leftOut = await DuplicateKeyCache.TryLoadAsync(connection, table, cachePath, cancellationToken);
        Stats.DuplicateKeysFromCache = leftOut is not null;
        await using var command = connection.CreateCommand();
        if (leftOut is null)
        {
            command.CommandText = DistinctViews.FindDuplicates(table);
            await command.ExecuteNonQueryAsync(cancellationToken);
            command.CommandText = $"select count(*) > 0 from {DistinctViews.DuplicateKeysName(table)}";
            // Counting what is left out reads the keys again: only worth it when some repeat.
            leftOut = (bool)(await command.ExecuteScalarAsync(cancellationToken))! ? await LeftOutAsync(command, table, cancellationToken) : 0;
            await DuplicateKeyCache.SaveAsync(connection, table, cachePath, leftOut.Value, cancellationToken);
        }
        Stats.CountDuplicates(table.Name, leftOut.Value);
        command.CommandText = DistinctViews.View(table, anyDuplicates: leftOut > 0);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> LeftOutAsync(DuckDBCommand command, LakeTable table, CancellationToken cancellationToken)
    {
        command.CommandText = DistinctViews.CountHidden(table);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private List<ArchiveObject> Select(LakeTable table, IReadOnlyList<Amazon.S3.Model.S3Object> listed, PartitionFilter partitions)
    {
        var mine = listed
            .Select(o => (Object: o, Partition: table.PartitionOf(o.Key)))
            .Where(o => o.Partition is not null)
            .Select(o => new ArchiveObject(Bucket, o.Object.Key, o.Object.ETag, o.Object.Size ?? 0, o.Partition!.Value))
            .ToList();
        Stats.ObjectsListed += mine.Count;
        var needed = partitions.IsEmpty ? [] : mine.Where(o => partitions.Contains(o.Partition)).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        Stats.ObjectsNeeded += needed.Count;
        return needed;
    }

    private async Task<IReadOnlyList<string>> LocalFilesAsync(LakeTable table, IReadOnlyList<ArchiveObject> objects, CancellationToken cancellationToken)
    {
        var raw = new ObjectCache(s3, _options.CacheRoot, Stats);
        var columnar = new ColumnarCache(raw, Stats);
        var files = new string[objects.Count];
        await Parallel.ForAsync(0, objects.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => files[i] = _options.Format == LakeFormat.Parquet
                ? await columnar.ColumnarAsync(table, objects[i], ct)
                : await raw.RawAsync(objects[i], ct));
        return files;
    }
}
