namespace Sandbox.Kinesis.Consumer;

/// <summary>
/// One shard's lease for one consumer application, as KCL keeps it: who reads the shard
/// (owner), how far it is delivered (checkpoint), and a counter every write bumps so stale
/// writers and dead owners can be detected with conditional writes.
/// </summary>
public sealed record Lease(
    string Application,
    string ShardId,
    string Checkpoint,
    string? Owner,
    long Counter,
    IReadOnlyList<string> ParentShardIds)
{
    public string Key => KeyOf(Application, ShardId);

    public bool IsFinished => Checkpoint == Checkpoints.ShardEnd;

    public static string KeyOf(string application, string shardId) => $"{application}:{shardId}";
}

/// <summary>KCL's sentinel checkpoints; any other value is a sequence number.</summary>
public static class Checkpoints
{
    public const string TrimHorizon = "TRIM_HORIZON";
    public const string ShardEnd = "SHARD_END";
}
