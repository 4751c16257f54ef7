using Sandbox.ClickLog.Lambda;
using Sandbox.Kinesis.Model;

namespace Sandbox.ClickLog.Mapping;

/// <summary>Turns polled Kinesis records into the event Lambda hands the function.</summary>
public sealed class InvocationEvents(EventSourceMappingOptions options, string functionName)
{
    public string FunctionArn { get; } = $"arn:aws:lambda:{options.Region}:000000000000:function:{functionName}";

    public KinesisEvent For(string shardId, IReadOnlyList<Record> records) => new()
    {
        Records = [.. records.Select(record => new KinesisEvent.KinesisEventRecord
        {
            AwsRegion = options.Region,
            EventId = $"{shardId}:{record.SequenceNumber}",
            EventSourceArn = options.StreamArn,
            InvokeIdentityArn = $"arn:aws:iam::000000000000:role/{functionName}-role",
            Kinesis = new KinesisEvent.Record
            {
                PartitionKey = record.PartitionKey,
                SequenceNumber = record.SequenceNumber,
                Data = Base64StreamConverter.ToStream(record.Data.ToArray()),
                ApproximateArrivalTimestamp = (record.ApproximateArrivalTimestamp ?? DateTimeOffset.UnixEpoch).UtcDateTime,
                EncryptionType = record.EncryptionType?.Value,
            },
        })],
    };
}
