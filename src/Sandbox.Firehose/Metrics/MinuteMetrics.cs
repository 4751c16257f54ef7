namespace Sandbox.Firehose.Metrics;

/// <summary>One delivery stream's figures for one UTC minute, the columns of delivery_metrics.</summary>
public sealed record MinuteMetrics(string Delivery, DateTimeOffset Minute)
{
    /// <summary>IncomingRecords.</summary>
    public long RecordsIn { get; set; }

    /// <summary>DeliveryToS3.Records / DeliveryToRedshift.Records.</summary>
    public long RecordsOut { get; set; }

    /// <summary>DeliveryToS3.Bytes / DeliveryToRedshift.Bytes.</summary>
    public long BytesOut { get; set; }

    /// <summary>Records routed to the error output (processing failed, retry duration exceeded).</summary>
    public long RecordsFailed { get; set; }

    /// <summary>DataFreshness: age of the oldest record delivered in this minute, the maximum seen.</summary>
    public double? DataFreshnessSeconds { get; set; }
}
