using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Sandbox.Lake.Sql;
using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Storage;

/// <summary>
/// The duplicate key hashes of a distinct table over one exact set of objects, kept next to the object
/// cache: the file is named by a fingerprint of every object's key and ETag, so a new, rewritten or
/// removed object gives another name and the keys are found again, while reopening the same archive
/// (every round of `sandbox athena`, a report run twice) only reads them back. Under
/// <c>&lt;cache&gt;/.duplicate-keys/&lt;bucket&gt;/</c> (no bucket name starts with a dot).
/// </summary>
public sealed class DuplicateKeyCache(string root)
{
    // Bump when what the file holds changes.
    private const string FormatVersion = "v1";
    private const int KeptPerTable = 16;

    public string PathFor(LakeTable table, string bucket, IReadOnlyList<ArchiveObject> objects)
    {
        var listing = new StringBuilder();
        foreach (var item in objects.OrderBy(o => o.Key, StringComparer.Ordinal)) listing.Append(item.Key).Append('\t').Append(item.ETag).Append('\n');
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())))[..24];
        return Path.Combine(Path.GetFullPath(root), ".duplicate-keys", bucket, $"{table.Name}-{fingerprint}.{FormatVersion}.parquet");
    }

    /// <summary>Fills the connection's duplicate-key table from the cache and returns the records it leaves out; null when this set of objects has none cached.</summary>
    public static async Task<long?> TryLoadAsync(DuckDBConnection connection, LakeTable table, string path, CancellationToken cancellationToken)
    {
        var leftOutPath = LeftOutPath(path);
        if (!File.Exists(path) || !File.Exists(leftOutPath)) return null;
        await using var command = connection.CreateCommand();
        command.CommandText = $"create or replace temp table {DistinctViews.DuplicateKeysName(table)} as select key_hash from read_parquet({SqlText.Literal(path)})";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return long.Parse(await File.ReadAllTextAsync(leftOutPath, cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Keeps the connection's duplicate-key table and the count of records it leaves out; older sets beyond the newest few are removed.</summary>
    public static async Task SaveAsync(DuckDBConnection connection, LakeTable table, string path, long leftOut, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // The count first: a reader needs both, and finds the Parquet file only once the count is there.
        await AtomicFile.WriteAsync(LeftOutPath(path), target => target.WriteAsync(Encoding.UTF8.GetBytes(leftOut.ToString(CultureInfo.InvariantCulture)), cancellationToken).AsTask());
        AtomicFile.Produce(path, temporary =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"copy {DistinctViews.DuplicateKeysName(table)} to {SqlText.Literal(temporary)} (format parquet)";
            command.ExecuteNonQuery();
        });
        foreach (var stale in new DirectoryInfo(folder).EnumerateFiles($"{table.Name}-*.{FormatVersion}.parquet")
                     .OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeptPerTable))
        {
            File.Delete(LeftOutPath(stale.FullName));
            stale.Delete();
        }
    }

    private static string LeftOutPath(string path) => path + ".left-out";
}
