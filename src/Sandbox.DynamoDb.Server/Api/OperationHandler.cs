using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Api;

/// <summary>One DynamoDB operation: parses the JSON body, acts, writes the JSON response.</summary>
public delegate void OperationHandler(ReadOnlySpan<byte> body, OperationContext context, Utf8JsonWriter writer);

/// <summary>What every operation works with: the tables and the caller's region (for ARNs).</summary>
public sealed record OperationContext(TableStore Store, string Region)
{
    public const string AccountId = "000000000000";

    public string TableArn(string table) => $"arn:aws:dynamodb:{Region}:{AccountId}:table/{table}";
}

/// <summary>Adapts typed request -> response functions (source-generated JSON) to <see cref="OperationHandler"/>.</summary>
public static class Operation
{
    public static OperationHandler Json<TRequest, TResponse>(
        JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, Func<TRequest, OperationContext, TResponse> execute) =>
        (body, context, writer) => JsonSerializer.Serialize(writer, execute(Parse(body, requestType), context), responseType);

    private static TRequest Parse<TRequest>(ReadOnlySpan<byte> body, JsonTypeInfo<TRequest> requestType)
    {
        if (body.IsEmpty) body = "{}"u8;
        try
        {
            return JsonSerializer.Deserialize(body, requestType) ?? throw DynamoDbException.Serialization("The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw DynamoDbException.Serialization($"The request body is not valid JSON for this operation: {e.Message}");
        }
    }
}
