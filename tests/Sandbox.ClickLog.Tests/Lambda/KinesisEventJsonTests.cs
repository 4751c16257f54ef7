using System.Text;
using System.Text.Json;
using Sandbox.ClickLog.Lambda;

namespace Sandbox.ClickLog.Tests.Lambda;

public sealed class KinesisEventJsonTests
{
    // The record of AWS's sample Kinesis event for Lambda (trimmed to one record).
    private const string AwsSample = """
        {"Records":[{"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"1",
          "sequenceNumber":"49590338271490256608559692538361571095921575989136588898",
          "data":"SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==","approximateArrivalTimestamp":1545084650.987},
          "eventSource":"aws:kinesis","eventVersion":"1.0",
          "eventID":"shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
          "eventName":"aws:kinesis:record","invokeIdentityArn":"arn:aws:iam::123456789012:role/lambda-role",
          "awsRegion":"us-east-2","eventSourceARN":"arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream"}]}
        """;

    [Fact]
    public void AWS_sample_event_reads_into_the_SDK_shaped_types()
    {
        var record = Assert.Single(JsonSerializer.Deserialize<KinesisEvent>(AwsSample)!.Records);

        Assert.Equal("Hello, this is a test.", Encoding.UTF8.GetString(record.Kinesis.Data.ToArray()));
        Assert.Equal(new DateTime(2018, 12, 17, 22, 10, 50, 987, DateTimeKind.Utc), record.Kinesis.ApproximateArrivalTimestamp);
        Assert.Equal("shardId-000000000006:49590338271490256608559692538361571095921575989136588898", record.EventId);
        Assert.Equal("aws:kinesis", record.EventSource);
        Assert.Equal("arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream", record.EventSourceArn);
    }

    [Fact]
    public void Writing_gives_back_the_wire_names_and_values()
    {
        var kinesisEvent = JsonSerializer.Deserialize<KinesisEvent>(AwsSample)!;
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(kinesisEvent));
        using var sample = JsonDocument.Parse(AwsSample);

        var wrote = written.RootElement.GetProperty("Records")[0];
        var expected = sample.RootElement.GetProperty("Records")[0];
        foreach (var name in new[] { "eventSource", "eventID", "eventName", "eventSourceARN", "awsRegion" })
            Assert.Equal(expected.GetProperty(name).GetString(), wrote.GetProperty(name).GetString());
        Assert.Equal("SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==", wrote.GetProperty("kinesis").GetProperty("data").GetString());
        Assert.Equal(1545084650.987, wrote.GetProperty("kinesis").GetProperty("approximateArrivalTimestamp").GetDouble());
    }
}
