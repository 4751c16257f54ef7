namespace Sandbox.ClickLog.Handler;

/// <summary>A record the click-log function cannot store (not JSON, missing ids); names the record and what is wrong.</summary>
public sealed class BadRecordException(string eventId, string reason)
    : Exception($"record {eventId}: {reason}")
{
    /// <summary>Lambda's eventID of the record, shardId:sequenceNumber.</summary>
    public string EventId { get; } = eventId;

    public string Reason { get; } = reason;
}
