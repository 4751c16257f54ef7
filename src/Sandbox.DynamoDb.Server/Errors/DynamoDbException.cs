namespace Sandbox.DynamoDb.Server.Errors;

/// <summary>An AWS-shaped error: HTTP 400 with {"__type": "&lt;namespace&gt;#&lt;Type&gt;", "message": ...}; the SDKs map the part after '#'.</summary>
public sealed class DynamoDbException(string type, string message) : Exception(message)
{
    private const string DynamoDb = "com.amazonaws.dynamodb.v20120810#", Coral = "com.amazon.coral.service#";

    /// <summary>The full __type value as DynamoDB spells it.</summary>
    public string Type { get; } = type;

    public string ShortType => Type[(Type.IndexOf('#') + 1)..];

    public static DynamoDbException Validation(string message) => new("com.amazon.coral.validate#ValidationException", message);
    public static DynamoDbException ResourceNotFound(string message) => new(DynamoDb + "ResourceNotFoundException", message);
    public static DynamoDbException ResourceInUse(string message) => new(DynamoDb + "ResourceInUseException", message);
    public static DynamoDbException ConditionalCheckFailed() => new(DynamoDb + "ConditionalCheckFailedException", "The conditional request failed");
    public static DynamoDbException Serialization(string message) => new(Coral + "SerializationException", message);
    public static DynamoDbException UnknownOperation(string message) => new(Coral + "UnknownOperationException", message);
    public static DynamoDbException MissingAuthenticationToken(string message) => new(Coral + "MissingAuthenticationTokenException", message);
    public static DynamoDbException IncompleteSignature(string message) => new(Coral + "IncompleteSignatureException", message);
    public static DynamoDbException InternalFailure(string message) => new(DynamoDb + "InternalServerError", message);

    /// <summary>Named features this engine does not implement: never a silently different answer.</summary>
    public static DynamoDbException NotSupported(string what) => Validation($"{what} is not supported by sandbox-dynamodb (see its README)");
}
