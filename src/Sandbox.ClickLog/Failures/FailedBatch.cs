using System.Text.Json.Serialization;
using Sandbox.ClickLog.Lambda;

namespace Sandbox.ClickLog.Failures;

/// <summary>
/// The invocation record Lambda sends to an on-failure destination for a Kinesis batch it gave up
/// on (same JSON names as AWS). Sandbox adds responseContext.errorType/errorMessage, the reason
/// the function gave, and, as for S3 destinations, the batch itself as payload.
/// </summary>
public sealed record FailedBatch(
    [property: JsonPropertyName("requestContext")] FailedRequestContext RequestContext,
    [property: JsonPropertyName("responseContext")] FailedResponseContext ResponseContext,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("KinesisBatchInfo")] KinesisBatchInfo KinesisBatchInfo,
    [property: JsonPropertyName("payload")] KinesisEvent Payload);

public sealed record FailedRequestContext(
    [property: JsonPropertyName("requestId")] string RequestId,
    [property: JsonPropertyName("functionArn")] string FunctionArn,
    [property: JsonPropertyName("condition")] string Condition,
    [property: JsonPropertyName("approximateInvokeCount")] int ApproximateInvokeCount);

public sealed record FailedResponseContext(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("executedVersion")] string ExecutedVersion,
    [property: JsonPropertyName("functionError"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FunctionError,
    [property: JsonPropertyName("errorType"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorType,
    [property: JsonPropertyName("errorMessage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorMessage);

public sealed record KinesisBatchInfo(
    [property: JsonPropertyName("shardId")] string ShardId,
    [property: JsonPropertyName("startSequenceNumber")] string StartSequenceNumber,
    [property: JsonPropertyName("endSequenceNumber")] string EndSequenceNumber,
    [property: JsonPropertyName("approximateArrivalOfFirstRecord")] DateTimeOffset ApproximateArrivalOfFirstRecord,
    [property: JsonPropertyName("approximateArrivalOfLastRecord")] DateTimeOffset ApproximateArrivalOfLastRecord,
    [property: JsonPropertyName("batchSize")] int BatchSize,
    [property: JsonPropertyName("streamArn")] string StreamArn);

/// <summary>Why records left the mapping without a successful invocation (requestContext.condition).</summary>
public static class FailureConditions
{
    public const string RetryAttemptsExhausted = "RetryAttemptsExhausted";
    public const string RecordAgeExceeded = "RecordAgeExceeded";

    /// <summary>Sandbox only: a data filter met a record whose data is not JSON (AWS drops it silently).</summary>
    public const string DataNotJson = "DataNotJson";
}
