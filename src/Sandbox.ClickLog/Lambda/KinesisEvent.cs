using System.Text.Json.Serialization;

namespace Sandbox.ClickLog.Lambda;

/// <summary>
/// The event a .NET Lambda receives from a Kinesis event source mapping, shaped like
/// Amazon.Lambda.KinesisEvents.KinesisEvent (not served by our NuGet feed) and serialized
/// with the same JSON names Lambda uses on the wire.
/// </summary>
public sealed class KinesisEvent
{
    [JsonPropertyName("Records")]
    public List<KinesisEventRecord> Records { get; set; } = [];

    public sealed class KinesisEventRecord
    {
        [JsonPropertyName("awsRegion")] public string AwsRegion { get; set; } = "";
        [JsonPropertyName("eventID")] public string EventId { get; set; } = "";
        [JsonPropertyName("eventName")] public string EventName { get; set; } = "aws:kinesis:record";
        [JsonPropertyName("eventSource")] public string EventSource { get; set; } = "aws:kinesis";
        [JsonPropertyName("eventSourceARN")] public string EventSourceArn { get; set; } = "";
        [JsonPropertyName("eventVersion")] public string EventVersion { get; set; } = "1.0";
        [JsonPropertyName("invokeIdentityArn")] public string InvokeIdentityArn { get; set; } = "";
        [JsonPropertyName("kinesis")] public Record Kinesis { get; set; } = new();
    }

    /// <summary>The SDK's Record: Data is a MemoryStream, the arrival time a UTC DateTime.</summary>
    public sealed class Record
    {
        [JsonPropertyName("kinesisSchemaVersion")] public string KinesisSchemaVersion { get; set; } = "1.0";
        [JsonPropertyName("partitionKey")] public string PartitionKey { get; set; } = "";
        [JsonPropertyName("sequenceNumber")] public string SequenceNumber { get; set; } = "";

        [JsonPropertyName("data"), JsonConverter(typeof(Base64StreamConverter))]
        public MemoryStream Data { get; set; } = new();

        [JsonPropertyName("approximateArrivalTimestamp"), JsonConverter(typeof(EpochSecondsDateTimeConverter))]
        public DateTime ApproximateArrivalTimestamp { get; set; }

        [JsonPropertyName("encryptionType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? EncryptionType { get; set; }
    }
}
