namespace Sandbox.Lake.Tables;

/// <summary>The tables over the Firehose archive bucket.</summary>
public static class ArchiveTables
{
    /// <summary>The error prefix Firehose writes records that failed processing under (ArchiveDestination.ProcessingFailed).</summary>
    public const string ProcessingFailedPrefix = "processing-failed/";

    /// <summary>
    /// Events with the warehouse's columns; the key pattern starts at the bucket root, so the error prefix is not part of it.
    /// The archive is at-least-once (Firehose redelivers a batch as a new object, the shipper may resend a line), so
    /// <c>events</c> keeps one row per event_id, the first to arrive, like the warehouse; <c>events_raw</c> has every record.
    /// </summary>
    public static LakeTable Events { get; } = new("events", "",
    [
        new("event_id", "VARCHAR"), new("event_name", "VARCHAR"), new("user_id", "VARCHAR"), new("anonymous_id", "VARCHAR"),
        new("session_id", "VARCHAR"), new("event_time", "TIMESTAMPTZ"), new("received_at", "TIMESTAMPTZ"),
        new("platform", "VARCHAR"), new("os_version", "VARCHAR"), new("device_model", "VARCHAR"),
        new("app_version", "VARCHAR"), new("locale", "VARCHAR"), new("properties", "JSON"),
    ], new DistinctBy("event_id", [LakeTable.DtColumn, LakeTable.HourColumn, "received_at", "event_time"]));

    /// <summary>Firehose's processing-failure records, with the fields AWS writes.</summary>
    public static LakeTable ProcessingFailed { get; } = new("processing_failed", ProcessingFailedPrefix,
    [
        new("attemptsMade", "INTEGER"), new("arrivalTimestamp", "BIGINT"), new("errorCode", "VARCHAR"),
        new("errorMessage", "VARCHAR"), new("attemptEndingTimestamp", "BIGINT"), new("rawData", "VARCHAR"),
        new("shardId", "VARCHAR"), new("sequenceNumber", "VARCHAR"),
    ]);

    public static IReadOnlyList<LakeTable> All { get; } = [Events, ProcessingFailed];
}
