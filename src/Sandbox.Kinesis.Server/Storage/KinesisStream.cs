using System.Collections.Immutable;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// A live stream: its description plus one log per shard. The state is an immutable snapshot
/// swapped as a whole, so readers never lock; changes go through <see cref="StreamStore"/>.
/// </summary>
public sealed class KinesisStream
{
    private volatile StreamState _state;

    internal KinesisStream(string directory, StreamState state)
    {
        Directory = directory;
        _state = state;
    }

    internal string Directory { get; }

    public StreamState State => _state;

    internal void Replace(StreamState state) => _state = state;
}

/// <summary>One consistent view of a stream: description, shards with logs, open shards by hash range.</summary>
public sealed class StreamState
{
    public StreamState(StreamInfo info, ImmutableArray<StreamShard> shards)
    {
        Info = info;
        Shards = shards;
        OpenShards = [.. shards.Where(s => s.Info.IsOpen).OrderBy(s => s.Info.HashRange.Start)];
    }

    public StreamInfo Info { get; }
    public ImmutableArray<StreamShard> Shards { get; }

    /// <summary>Open shards sorted by starting hash key: together they cover the key space.</summary>
    public ImmutableArray<StreamShard> OpenShards { get; }

    public StreamShard? FindShard(string shardId)
    {
        foreach (var shard in Shards) if (shard.Info.ShardId == shardId) return shard;
        return null;
    }

    /// <summary>The open shard whose hash range holds <paramref name="hashKey"/>.</summary>
    public StreamShard RouteToOpenShard(UInt128 hashKey)
    {
        var open = OpenShards;
        int low = 0, high = open.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >>> 1;
            if (open[mid].Info.HashRange.Start <= hashKey) low = mid;
            else high = mid - 1;
        }
        return open[low];
    }
}
