using Sandbox.Lake.Partitions;

namespace Sandbox.Lake.Storage;

/// <summary>An archive object a table reads: its key, ETag (the cache key) and partition.</summary>
public sealed record ArchiveObject(string Bucket, string Key, string ETag, long Size, HourPartition Partition);
