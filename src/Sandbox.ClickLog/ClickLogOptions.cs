using Sandbox.Kinesis.Consumer;

namespace Sandbox.ClickLog;

/// <summary>The sandbox's click-log mapping settings (what the seed's CloudFormation would set), overridable per run.</summary>
public sealed record ClickLogOptions
{
    public string FunctionName { get; init; } = Handler.ClickLogFunction.DefaultName;

    /// <summary>Stable per function so leases survive restarts (AWS gives each mapping a UUID).</summary>
    public string MappingUuid { get; init; } = "click-log-writer-app-events";

    public int BatchSize { get; init; } = 100;

    public TimeSpan MaximumBatchingWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The pipeline wants every click the stream still holds, hence TRIM_HORIZON rather than AWS's LATEST.</summary>
    public StartingPosition StartingPosition { get; init; } = StartingPosition.TrimHorizon;

    public bool FilterClicksOnly { get; init; } = true;

    public bool BisectBatchOnFunctionError { get; init; } = true;

    public int MaximumRetryAttempts { get; init; } = 2;

    public TimeSpan? MaximumRecordAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Descriptors of discarded batches go under this prefix of the error bucket.</summary>
    public string FailurePrefix { get; init; } = "click-log/";

    /// <summary>expires_at = event time + this (DynamoDB TTL deletes the item afterwards).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(90);
}
