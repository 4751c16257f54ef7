using Sandbox.Generator.Output;
using Sandbox.Generator;
namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>Live counters of a Kinesis send (read from the progress display while senders write).</summary>
public sealed class KinesisSendStats
{
    private long _merged, _submitted, _attempted, _sent, _failed, _batches;

    /// <summary>Lines taken off the merged stream and handed to a sender.</summary>
    public long Merged => Interlocked.Read(ref _merged);
    public long Sent => Interlocked.Read(ref _sent);
    public long Failed => Interlocked.Read(ref _failed);
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Records sent again after a first attempt failed for them (throttling, 5xx, a broken call).</summary>
    public long Retried => Interlocked.Read(ref _attempted) - Interlocked.Read(ref _submitted);

    internal void AddMerged() => Interlocked.Increment(ref _merged);
    internal void AddBatch(int records) { Interlocked.Add(ref _submitted, records); Interlocked.Increment(ref _batches); }
    internal void AddAttempted(int records) => Interlocked.Add(ref _attempted, records);
    internal void AddSent(long records) => Interlocked.Add(ref _sent, records);
    internal void AddFailed(long records) => Interlocked.Add(ref _failed, records);

    public KinesisSendSummary Snapshot(TimeSpan elapsed) => new(Merged, Sent, Retried, Failed, Merged - Sent - Failed, Batches, elapsed);
}

/// <summary>What a send did. Nothing is unaccounted for: <c>Merged == Sent + Failed + Unsent</c>.</summary>
public sealed record KinesisSendSummary(long Merged, long Sent, long Retried, long Failed, long Unsent, long Batches, TimeSpan Elapsed)
{
    public double EventsPerSecond => Sent / Math.Max(1e-3, Elapsed.TotalSeconds);

    public override string ToString() =>
        $"sent {Sent:N0} events in {Batches:N0} PutRecords batches in {Elapsed.TotalSeconds:N1} s ({EventsPerSecond:N0} events/s); " +
        $"retried {Retried:N0} records, failed {Failed:N0}, not sent {Unsent:N0}";
}

/// <summary>The send gave up (a batch ran out of retries, or the generation failed): the counts say what reached Kinesis.</summary>
public sealed class KinesisSendException(string message, KinesisSendSummary summary, Exception? inner)
    : Exception($"{message}: {summary}", inner)
{
    public KinesisSendSummary Summary { get; } = summary;
}
