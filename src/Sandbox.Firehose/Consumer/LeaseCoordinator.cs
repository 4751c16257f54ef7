using Sandbox.Kinesis;

namespace Sandbox.Firehose.Consumer;

/// <summary>
/// Keeps one worker's view of the lease table: creates leases for new shards, renews the ones it
/// holds, takes ownerless or expired ones. Expiry is judged as KCL does, without trusting clocks:
/// a lease whose counter this worker has seen unchanged for the failover time is dead.
/// </summary>
public sealed class LeaseCoordinator(LeaseTable table, IKinesisClient kinesis, string stream, LeaseOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, Lease> _held = [];
    private readonly Dictionary<string, (long Counter, DateTimeOffset SeenAt)> _observed = [];
    private Dictionary<string, Lease> _all = [];
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public string WorkerId => options.WorkerId;

    public IReadOnlyCollection<Lease> Held => _held.Values;

    public bool RefreshDue => clock.GetUtcNow() - _lastRefresh >= options.RefreshInterval;

    public bool Holds(string shardId) => _held.ContainsKey(shardId);

    /// <summary>Children are read only after every parent is delivered to its end (or trimmed away).</summary>
    public bool ParentsFinished(Lease lease) =>
        lease.ParentShardIds.All(parent => !_all.TryGetValue(parent, out var p) || p.IsFinished);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        _lastRefresh = clock.GetUtcNow();
        await CreateMissingLeasesAsync(cancellationToken);
        _all = (await table.ListAsync(cancellationToken)).ToDictionary(l => l.ShardId);
        var now = clock.GetUtcNow();
        foreach (var lease in _all.Values)
            if (!_observed.TryGetValue(lease.ShardId, out var seen) || seen.Counter != lease.Counter)
                _observed[lease.ShardId] = (lease.Counter, now);

        foreach (var held in _held.Values.ToArray())
            Keep(held.ShardId, await table.RenewAsync(held, cancellationToken));

        foreach (var lease in _all.Values.Where(l => !l.IsFinished && !_held.ContainsKey(l.ShardId) && IsAvailable(l, now)))
            Keep(lease.ShardId, await table.TakeAsync(lease, options.WorkerId, cancellationToken));
    }

    /// <summary>Records delivered progress; false if the lease was lost (another worker now reads the shard).</summary>
    public async Task<bool> CheckpointAsync(string shardId, string checkpoint, CancellationToken cancellationToken)
    {
        if (!_held.TryGetValue(shardId, out var held)) return false;
        var written = await table.CheckpointAsync(held, checkpoint, cancellationToken);
        Keep(shardId, written);
        if (written is not null) _all[shardId] = written;
        return written is not null;
    }

    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        foreach (var held in _held.Values.ToArray())
            await table.ReleaseAsync(held, cancellationToken);
        _held.Clear();
    }

    private bool IsAvailable(Lease lease, DateTimeOffset now) =>
        lease.Owner is null
        || lease.Owner == options.WorkerId // a previous run of this very worker id
        || now - _observed[lease.ShardId].SeenAt >= options.FailoverTime;

    private void Keep(string shardId, Lease? written)
    {
        if (written is null) _held.Remove(shardId);
        else _held[shardId] = written;
    }

    private async Task CreateMissingLeasesAsync(CancellationToken cancellationToken)
    {
        var known = _all.Keys.ToHashSet();
        await foreach (var shard in kinesis.ListAllShardsAsync(stream, cancellationToken))
        {
            if (known.Contains(shard.ShardId)) continue;
            string[] parents = [.. new[] { shard.ParentShardId, shard.AdjacentParentShardId }.OfType<string>()];
            await table.CreateIfAbsentAsync(shard.ShardId, parents, cancellationToken);
        }
    }
}
