using Sandbox.Generator.Output;
using Sandbox.Generator;
using Sandbox.Kinesis.Resilience;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>How the Kinesis sink sends: to which stream, how fast, with how many concurrent senders.</summary>
public sealed record KinesisSinkOptions
{
    /// <summary>Kinesis' PutRecords limits.</summary>
    public const int MaxBatchRecords = 500;
    public const int MaxBatchBytes = 5 * 1024 * 1024;

    public required string StreamName { get; init; }

    /// <summary>Concurrent PutRecords loops; a partition key always goes through the same one (keeps its order).</summary>
    public int Senders { get; init; } = 4;

    /// <summary>Target events/s over the merged stream; null = as fast as the stream takes them.</summary>
    public double? Rate { get; init; }

    /// <summary>Time compression: replay received_at gaps divided by this (24 = a day in an hour); null = no time pacing.</summary>
    public double? Speedup { get; init; }

    /// <summary>Lines each app server may run ahead of the merge before its generator thread waits.</summary>
    public int ServerQueueLines { get; init; } = 16_384;

    public PutRecordsRetryOptions Retry { get; init; } = PutRecordsRetryOptions.Default;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(StreamName)) problems.Add("stream: a stream name is required");
        if (Senders < 1) problems.Add($"senders: {Senders} must be at least 1");
        if (Rate is { } rate && !(rate > 0)) problems.Add($"--rate: {rate} must be a positive number of events/s");
        if (Speedup is { } speedup && !(speedup > 0)) problems.Add($"--speedup: {speedup} must be positive (24 = a day in an hour)");
        if (Rate is not null && Speedup is not null) problems.Add("--rate and --speedup: give one pacing, not both");
        if (ServerQueueLines < 1) problems.Add($"server queue: {ServerQueueLines} must be at least 1");
        return problems;
    }
}
