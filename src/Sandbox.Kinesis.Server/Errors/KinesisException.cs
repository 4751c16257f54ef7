namespace Sandbox.Kinesis.Server.Errors;

/// <summary>An AWS-shaped error: becomes HTTP 400 with {"__type": ErrorType, "message": ...}.</summary>
public sealed class KinesisException(string errorType, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;

    public static KinesisException ResourceNotFound(string message) => new(ErrorTypes.ResourceNotFound, message);
    public static KinesisException ResourceInUse(string message) => new(ErrorTypes.ResourceInUse, message);
    public static KinesisException InvalidArgument(string message) => new(ErrorTypes.InvalidArgument, message);
    public static KinesisException Validation(string message) => new(ErrorTypes.Validation, message);
    public static KinesisException LimitExceeded(string message) => new(ErrorTypes.LimitExceeded, message);
    public static KinesisException Throughput(string message) => new(ErrorTypes.ProvisionedThroughputExceeded, message);
    public static KinesisException ExpiredIterator(string message) => new(ErrorTypes.ExpiredIterator, message);
    public static KinesisException Serialization(string message) => new(ErrorTypes.Serialization, message);
}
