using System.Net;

namespace Sandbox.Kinesis.Errors;

/// <summary>An error answered by the Kinesis API: its AWS error code and HTTP status.</summary>
public class KinesisException(string message, string errorCode, HttpStatusCode statusCode, string? requestId = null)
    : Exception(message)
{
    /// <summary>The AWS error type, e.g. "ResourceNotFoundException".</summary>
    public string ErrorCode { get; } = errorCode;
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;

    /// <summary>Worth retrying after a pause: throttling, or the service failing on its side.</summary>
    public virtual bool IsTransient =>
        (int)StatusCode >= 500 || ErrorCode is "ThrottlingException" or "Throttling" or "RequestLimitExceeded";
}

public sealed class ResourceNotFoundException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(ResourceNotFoundException), status, requestId);

public sealed class ResourceInUseException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(ResourceInUseException), status, requestId);

public sealed class InvalidArgumentException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(InvalidArgumentException), status, requestId);

public sealed class ExpiredIteratorException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(ExpiredIteratorException), status, requestId);

public sealed class ExpiredNextTokenException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(ExpiredNextTokenException), status, requestId);

public sealed class AccessDeniedException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(AccessDeniedException), status, requestId);

public sealed class ProvisionedThroughputExceededException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(ProvisionedThroughputExceededException), status, requestId)
{
    public override bool IsTransient => true;
}

public sealed class LimitExceededException(string message, HttpStatusCode status, string? requestId = null)
    : KinesisException(message, nameof(LimitExceededException), status, requestId)
{
    public override bool IsTransient => true;
}
