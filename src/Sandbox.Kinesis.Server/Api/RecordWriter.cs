using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Where one record went, or why it was refused (PutRecords' per-record result).</summary>
public readonly record struct WriteOutcome(string? ShardId, string? SequenceNumber, string? ErrorCode, string? ErrorMessage)
{
    public bool Failed => ErrorCode is not null;
}

/// <summary>
/// Routes records to open shards, applies the shard quotas record by record, and appends each
/// shard's share in one write. The write reaches the OS before this returns (acknowledged = durable
/// against a crash of the engine).
/// </summary>
public static class RecordWriter
{
    private static readonly TimeSpan ReshardWait = TimeSpan.FromSeconds(5);

    public static WriteOutcome[] Write(KinesisStream stream, UInt128[] hashKeys, AppendRecord[] records, OperationContext context)
    {
        var outcomes = new WriteOutcome[records.Length];
        var pending = Enumerable.Range(0, records.Length).ToList();
        var state = stream.State;
        var admitted = Admit(state, hashKeys, records, pending, outcomes, context);
        var deadline = DateTime.UtcNow + ReshardWait;
        while (admitted.Count > 0)
        {
            var retry = new List<int>();
            foreach (var group in admitted.GroupBy(i => state.RouteToOpenShard(hashKeys[i])))
            {
                var indices = group.ToArray();
                if (!TryAppend(group.Key, state, indices, records, outcomes)) retry.AddRange(indices);
            }
            if (retry.Count == 0) break;
            // A resharding closed the shard between routing and writing: route again on the new layout.
            state = WaitForNewerState(stream, state, deadline, context);
            admitted = retry;
        }
        return outcomes;
    }

    private static List<int> Admit(StreamState state, UInt128[] hashKeys, AppendRecord[] records, List<int> pending, WriteOutcome[] outcomes, OperationContext context)
    {
        if (!context.Limiter.IsEnforced(state.Info)) return pending;
        var admitted = new List<int>(pending.Count);
        foreach (var i in pending)
        {
            var shard = state.RouteToOpenShard(hashKeys[i]).Info;
            if (context.Limiter.For(state.Info, shard)!.TryAdmitRecord(RecordEntry.SizeForQuota(records[i]))) admitted.Add(i);
            else outcomes[i] = new WriteOutcome(null, null, Errors.ErrorTypes.ProvisionedThroughputExceeded, ThroughputMessage(state.Info.Name, shard.ShardId));
        }
        return admitted;
    }

    public static string ThroughputMessage(string stream, string shardId) =>
        $"Rate exceeded for shard {shardId} in stream {stream} under account {OperationContext.AccountId}.";

    private static bool TryAppend(StreamShard shard, StreamState state, int[] indices, AppendRecord[] records, WriteOutcome[] outcomes)
    {
        var batch = new AppendRecord[indices.Length];
        for (var j = 0; j < indices.Length; j++) batch[j] = records[indices[j]];
        AppendResult result;
        try
        {
            result = shard.Log.Append(batch);
        }
        catch (ShardClosedException)
        {
            return false;
        }
        for (var j = 0; j < indices.Length; j++)
            outcomes[indices[j]] = new WriteOutcome(shard.Info.ShardId, SequenceNumber.Format(shard.Info.Index, result.FirstPosition + j), null, null);
        return true;
    }

    private static StreamState WaitForNewerState(KinesisStream stream, StreamState seen, DateTime deadline, OperationContext context)
    {
        while (ReferenceEquals(stream.State, seen))
        {
            if (!ReferenceEquals(context.Store.Find(seen.Info.Name), stream)) throw StreamLookup.NotFound(context, seen.Info.Name); // deleted meanwhile
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"stream {seen.Info.Name}: resharding did not finish within {ReshardWait}");
            Thread.Sleep(1);
        }
        return stream.State;
    }
}
