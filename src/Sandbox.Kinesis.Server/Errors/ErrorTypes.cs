namespace Sandbox.Kinesis.Server.Errors;

/// <summary>The "__type" values AWS Kinesis answers with.</summary>
public static class ErrorTypes
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string InvalidArgument = "InvalidArgumentException";
    public const string Validation = "ValidationException";
    public const string LimitExceeded = "LimitExceededException";
    public const string ProvisionedThroughputExceeded = "ProvisionedThroughputExceededException";
    public const string ExpiredIterator = "ExpiredIteratorException";
    public const string Serialization = "SerializationException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string IncompleteSignature = "IncompleteSignatureException";
    public const string InternalFailure = "InternalFailure";
}
