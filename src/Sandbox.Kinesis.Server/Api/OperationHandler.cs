using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>One AWS operation: parses the JSON body, acts, writes the JSON response (nothing for "no output").</summary>
public delegate void OperationHandler(ReadOnlySpan<byte> body, OperationContext context, Utf8JsonWriter writer);

/// <summary>Adapts typed request -> response functions to <see cref="OperationHandler"/>.</summary>
public static class Operation
{
    public static OperationHandler Json<TRequest, TResponse>(
        JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, Func<TRequest, OperationContext, TResponse> execute) =>
        (body, context, writer) => JsonSerializer.Serialize(writer, execute(Parse(body, requestType), context), responseType);

    /// <summary>For operations AWS answers with an empty body.</summary>
    public static OperationHandler NoOutput<TRequest>(JsonTypeInfo<TRequest> requestType, Action<TRequest, OperationContext> execute) =>
        (body, context, _) => execute(Parse(body, requestType), context);

    public static TRequest Parse<TRequest>(ReadOnlySpan<byte> body, JsonTypeInfo<TRequest> requestType)
    {
        if (body.IsEmpty) body = "{}"u8;
        try
        {
            return JsonSerializer.Deserialize(body, requestType)
                ?? throw KinesisException.Serialization("The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw KinesisException.Serialization($"The request body is not valid JSON for this operation: {e.Message}");
        }
    }
}
