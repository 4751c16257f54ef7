using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;

namespace Sandbox.Kinesis.Tests.Fakes;

/// <summary>Requests, per-record answers and a quick retry budget for the PutRecords tests.</summary>
public static class PutRecordsSamples
{
    public const string Throttled = """{"ErrorCode":"ProvisionedThroughputExceededException","ErrorMessage":"Rate exceeded for shard shardId-000000000000"}""";

    /// <summary>Three attempts with millisecond back-off, so a test of retries stays quick.</summary>
    public static readonly PutRecordsRetryOptions Fast = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    public static PutRecordsRequest Batch(params string[] keys) => new()
    {
        StreamName = "app-events",
        Records = keys.Select(k => new PutRecordsRequestEntry { Data = "x"u8.ToArray(), PartitionKey = k }).ToList(),
    };

    public static string Stored(string sequence) => $$"""{"SequenceNumber":"{{sequence}}","ShardId":"shardId-000000000000"}""";
}
