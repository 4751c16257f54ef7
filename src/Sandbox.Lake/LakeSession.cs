using DuckDB.NET.Data;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Lake.Partitions;

namespace Sandbox.Lake;

/// <summary>
/// The entry point for other components: a DuckDB connection whose <c>events</c> view has the
/// warehouse's columns (event_time/received_at TIMESTAMPTZ, properties JSON) plus the partition
/// columns dt and hour, over the archive bucket of <paramref name="endpoints"/>.
/// </summary>
public static class LakeSession
{
    /// <param name="partitions">Arrival partitions (dt/hour of the object key) to read; null reads all.
    /// Partitions are by ARRIVAL time: a backfilled day's events sit in the hours it was shipped, so
    /// filtering by event day needs all partitions (or the arrival days, when known).</param>
    public static async Task<DuckDBConnection> OpenAsync(
        SandboxEndpoints endpoints, PartitionFilter? partitions = null, LakeOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var s3 = AwsClients.S3(endpoints);
        var lake = new Lake(s3, endpoints.Resources.ArchiveBucket, options);
        return await lake.OpenAsync(partitions ?? PartitionFilter.All, cancellationToken);
    }
}
