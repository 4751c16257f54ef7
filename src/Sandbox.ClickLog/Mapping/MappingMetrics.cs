namespace Sandbox.ClickLog.Mapping;

/// <summary>
/// The event source mapping metrics AWS publishes (PolledEventCount...), as running totals.
/// Nothing lost: Polled == Invoked + FilteredOut + Dropped once the mapping is idle.
/// </summary>
public sealed class MappingMetrics
{
    private long _polled, _filteredOut, _invoked, _failedInvoke, _dropped, _onFailureDelivered, _invocations, _pollErrors;

    public long PolledEventCount => Interlocked.Read(ref _polled);
    public long FilteredOutEventCount => Interlocked.Read(ref _filteredOut);

    /// <summary>Records whose invocation succeeded.</summary>
    public long InvokedEventCount => Interlocked.Read(ref _invoked);

    /// <summary>Records in invocations that failed (a record retried twice counts twice).</summary>
    public long FailedInvokeEventCount => Interlocked.Read(ref _failedInvoke);

    /// <summary>Records discarded: retries exhausted, too old, or data not JSON under a data filter.</summary>
    public long DroppedEventCount => Interlocked.Read(ref _dropped);

    public long OnFailureDestinationDeliveredEventCount => Interlocked.Read(ref _onFailureDelivered);

    public long Invocations => Interlocked.Read(ref _invocations);

    /// <summary>GetRecords calls that failed transiently (throttled, engine unreachable) and were tried again.</summary>
    public long PollErrors => Interlocked.Read(ref _pollErrors);

    /// <summary>The last polling error, for status lines.</summary>
    public string? LastPollError { get; private set; }

    internal void Polled(int count) => Interlocked.Add(ref _polled, count);
    internal void FilteredOut(int count) => Interlocked.Add(ref _filteredOut, count);
    internal void Invoked(int count) { Interlocked.Add(ref _invoked, count); Interlocked.Increment(ref _invocations); }
    internal void FailedInvoke(int count) { Interlocked.Add(ref _failedInvoke, count); Interlocked.Increment(ref _invocations); }
    internal void PollFailed(Exception error)
    {
        Interlocked.Increment(ref _pollErrors);
        LastPollError = error.Message;
    }

    internal void Dropped(int count, bool delivered)
    {
        Interlocked.Add(ref _dropped, count);
        if (delivered) Interlocked.Add(ref _onFailureDelivered, count);
    }

    public override string ToString() =>
        $"polled {PolledEventCount}, invoked {InvokedEventCount}, filtered out {FilteredOutEventCount}, dropped {DroppedEventCount} "
        + $"({OnFailureDestinationDeliveredEventCount} to the on-failure destination), failed invocations' records {FailedInvokeEventCount}";
}
