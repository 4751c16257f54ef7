using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// All streams under one data folder: streams/s_{name}/stream.json + shards/{shardId}/*.seg.
/// Metadata changes are serialized by one lock and written durably before they become visible.
/// </summary>
public sealed class StreamStore : IDisposable
{
    private const string StreamsFolder = "streams";
    private const string TrashFolder = "trash";
    private const string ShardsFolder = "shards";

    private readonly string _root;
    private readonly ShardLogOptions _logOptions;
    private readonly TimeProvider _time;
    private readonly Lock _metadataLock = new();
    private readonly ConcurrentDictionary<string, KinesisStream> _streams = new(StringComparer.Ordinal);

    private StreamStore(string root, ShardLogOptions logOptions, TimeProvider time)
    {
        _root = root;
        _logOptions = logOptions;
        _time = time;
    }

    public TimeProvider Time => _time;

    public static StreamStore Open(string dataDirectory, ShardLogOptions? logOptions = null, TimeProvider? time = null)
    {
        var store = new StreamStore(Path.GetFullPath(dataDirectory), logOptions ?? new ShardLogOptions(), time ?? TimeProvider.System);
        Directory.CreateDirectory(Path.Combine(store._root, StreamsFolder));
        var trash = Path.Combine(store._root, TrashFolder);
        if (Directory.Exists(trash)) Directory.Delete(trash, recursive: true);
        foreach (var directory in Directory.EnumerateDirectories(Path.Combine(store._root, StreamsFolder)))
        {
            var info = MetadataFile.Read(directory);
            if (info is null) continue; // a create that crashed before its metadata was written
            store._streams[info.Name] = new KinesisStream(directory, store.OpenShards(directory, info));
        }
        return store;
    }

    public KinesisStream? Find(string name) => _streams.GetValueOrDefault(name);

    public IReadOnlyList<string> Names() => [.. _streams.Keys.Order(StringComparer.Ordinal)];

    public int OpenShardCount() => _streams.Values.Sum(s => s.State.OpenShards.Length);

    /// <summary>Creates a stream with evenly split shards; null if the name is taken.</summary>
    public KinesisStream? Create(string name, int shardCount, IReadOnlyDictionary<string, string> tags, string mode = StreamInfo.Provisioned)
    {
        lock (_metadataLock)
        {
            if (_streams.ContainsKey(name)) return null;
            var directory = Path.Combine(_root, StreamsFolder, "s_" + name);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            Directory.CreateDirectory(directory);
            var now = NowMs();
            var shards = HashKeyRange.SplitEvenly(shardCount)
                .Select((range, i) => new ShardInfo(ShardInfo.IdFor(i), i, range, null, null, null, now))
                .ToImmutableArray();
            var info = new StreamInfo(name, now, StreamInfo.DefaultRetentionHours,
                tags.ToImmutableSortedDictionary(StringComparer.Ordinal), shards, shardCount, mode);
            MetadataFile.Write(directory, info);
            var stream = new KinesisStream(directory, OpenShards(directory, info));
            _streams[name] = stream;
            return stream;
        }
    }

    public bool Delete(string name)
    {
        lock (_metadataLock)
        {
            if (!_streams.TryRemove(name, out var stream)) return false;
            foreach (var shard in stream.State.Shards) shard.Log.Dispose();
            var trash = Path.Combine(_root, TrashFolder, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.GetDirectoryName(trash)!);
            Directory.Move(stream.Directory, trash); // atomic: a crash leaves the stream gone, not half-deleted
            Directory.Delete(trash, recursive: true);
            return true;
        }
    }

    public void Update(KinesisStream stream, Func<StreamInfo, StreamInfo> change)
    {
        lock (_metadataLock)
        {
            var state = stream.State;
            var info = change(state.Info);
            MetadataFile.Write(stream.Directory, info);
            stream.Replace(new StreamState(info, state.Shards.Select(s => s with { Info = info.Shards.First(i => i.ShardId == s.Info.ShardId) }).ToImmutableArray()));
        }
    }

    /// <summary>
    /// UNIFORM_SCALING: closes every open shard and opens <paramref name="targetCount"/> even children,
    /// each naming the one or two parents its range overlaps most.
    /// </summary>
    public void Reshard(KinesisStream stream, int targetCount)
    {
        lock (_metadataLock)
        {
            var state = stream.State;
            var now = NowMs();
            var parents = state.OpenShards;
            var closedAt = parents.ToDictionary(p => p.Info.ShardId, p => p.Log.Close());
            var next = state.Info.NextShardIndex;
            var children = HashKeyRange.SplitEvenly(targetCount).Select((range, i) =>
            {
                var overlapping = parents.Where(p => p.Info.HashRange.Overlaps(range)).Select(p => p.Info.ShardId).ToList();
                return new ShardInfo(ShardInfo.IdFor(next + i), next + i, range,
                    overlapping.ElementAtOrDefault(0), overlapping.ElementAtOrDefault(1), null, now);
            }).ToList();
            var shards = state.Info.Shards
                .Select(s => closedAt.TryGetValue(s.ShardId, out var end) ? s with { EndingPosition = end, ClosedMs = now } : s)
                .Concat(children)
                .ToImmutableArray();
            var info = state.Info with { Shards = shards, NextShardIndex = next + targetCount };
            MetadataFile.Write(stream.Directory, info);
            var logs = state.Shards.ToDictionary(s => s.Info.ShardId, s => s.Log);
            stream.Replace(new StreamState(info, shards.Select(s =>
                new StreamShard(s, logs.TryGetValue(s.ShardId, out var log) ? log : OpenLog(stream.Directory, s))).ToImmutableArray()));
        }
    }

    /// <summary>Group commit: fsync of every shard's active segment.</summary>
    public void SyncAll()
    {
        foreach (var stream in _streams.Values)
            foreach (var shard in stream.State.Shards)
                shard.Log.Sync();
    }

    /// <summary>
    /// Retention: deletes whole segments older than each stream's retention period, and forgets closed
    /// shards that were closed longer ago than that and hold no data any more (as AWS stops listing them).
    /// </summary>
    public int TrimExpired()
    {
        var now = NowMs();
        var deleted = 0;
        foreach (var stream in _streams.Values)
        {
            var state = stream.State;
            var cutoff = now - (long)TimeSpan.FromHours(state.Info.RetentionHours).TotalMilliseconds;
            foreach (var shard in state.Shards) deleted += shard.Log.TrimBefore(cutoff);
            RemoveExpiredClosedShards(stream, cutoff);
        }
        return deleted;
    }

    private void RemoveExpiredClosedShards(KinesisStream stream, long cutoffMs)
    {
        lock (_metadataLock)
        {
            if (!_streams.TryGetValue(stream.State.Info.Name, out var current) || !ReferenceEquals(current, stream)) return;
            var state = stream.State;
            var expired = state.Shards
                .Where(s => s.Info.ClosedMs < cutoffMs && s.Log.TrimHorizonPosition >= s.Log.TipPosition)
                .ToList();
            if (expired.Count == 0) return;
            var ids = expired.Select(s => s.Info.ShardId).ToHashSet();
            var info = state.Info with { Shards = [.. state.Info.Shards.Where(s => !ids.Contains(s.ShardId))] };
            MetadataFile.Write(stream.Directory, info);
            stream.Replace(new StreamState(info, [.. state.Shards.Where(s => !ids.Contains(s.Info.ShardId))]));
            foreach (var shard in expired)
            {
                shard.Log.Dispose();
                Directory.Delete(Path.Combine(stream.Directory, ShardsFolder, shard.Info.ShardId), recursive: true);
            }
        }
    }

    public void Dispose()
    {
        lock (_metadataLock)
        {
            foreach (var stream in _streams.Values)
                foreach (var shard in stream.State.Shards)
                    shard.Log.Dispose();
            _streams.Clear();
        }
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private StreamState OpenShards(string directory, StreamInfo info) =>
        new(info, info.Shards.Select(s => new StreamShard(s, OpenLog(directory, s))).ToImmutableArray());

    private ShardLog OpenLog(string streamDirectory, ShardInfo shard)
    {
        var log = ShardLog.Open(Path.Combine(streamDirectory, ShardsFolder, shard.ShardId), _logOptions, _time);
        if (!shard.IsOpen) log.Close();
        return log;
    }
}
