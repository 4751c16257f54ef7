using Sandbox.Kinesis;

namespace Sandbox.Kinesis.Consumer;

/// <summary>
/// Keeps one worker's view of the lease table: creates leases for new shards, renews the ones it
/// holds, takes ownerless or expired ones. Expiry is judged as KCL does, without trusting clocks:
/// a lease whose counter this worker has seen unchanged for the failover time is dead.
/// </summary>
public sealed class LeaseCoordinator(LeaseTable table, IKinesisClient kinesis, string stream, LeaseOptions options, TimeProvider clock)
{
    // Lease writes are never abandoned half-way: a write that lands after we stopped waiting would
    // leave our counter stale, and every later write (checkpoint, release) would be refused.
    private static readonly CancellationToken NotMidWrite = CancellationToken.None;
    private readonly Dictionary<string, Lease> _held = [];
    private readonly Dictionary<string, (long Counter, DateTimeOffset SeenAt)> _observed = [];
    private Dictionary<string, Lease> _all = [];
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public string WorkerId { get; } = options.WorkerId ?? LeaseOptions.NewWorkerId();

    public IReadOnlyCollection<Lease> Held => _held.Values;

    public TimeSpan RefreshInterval => options.RefreshInterval;

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

        await RenewHeldAsync(cancellationToken);

        foreach (var lease in _all.Values.Where(l => !l.IsFinished && !_held.ContainsKey(l.ShardId) && IsAvailable(l, now)))
            Keep(lease.ShardId, await table.TakeAsync(lease, WorkerId, NotMidWrite));
    }

    /// <summary>Proves this worker alive for every lease it holds; a lease someone else wrote meanwhile is dropped.</summary>
    public async Task RenewHeldAsync(CancellationToken cancellationToken)
    {
        foreach (var held in _held.Values.ToArray())
            Keep(held.ShardId, await table.RenewAsync(held, NotMidWrite));
    }

    /// <summary>Records delivered progress; false if the lease was lost (another worker now reads the shard).</summary>
    public async Task<bool> CheckpointAsync(string shardId, string checkpoint, CancellationToken cancellationToken)
    {
        if (!_held.TryGetValue(shardId, out var held)) return false;
        var written = await table.CheckpointAsync(held, checkpoint, NotMidWrite);
        Keep(shardId, written);
        if (written is not null) _all[shardId] = written;
        return written is not null;
    }

    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        foreach (var held in _held.Values.ToArray())
            await table.ReleaseAsync(held, NotMidWrite);
        _held.Clear();
    }

    private bool IsAvailable(Lease lease, DateTimeOffset now) =>
        lease.Owner is null
        || lease.Owner == WorkerId // a previous run under this fixed worker id
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
