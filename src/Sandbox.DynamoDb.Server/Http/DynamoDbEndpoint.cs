using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sandbox.DynamoDb.Server.Api;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Http;

/// <summary>
/// The AWS JSON 1.0 front door: POST / with X-Amz-Target DynamoDB_20120810.*. Every failure is an
/// AWS-shaped {"__type","message"} with HTTP 400, never a 500 for anything the client sent.
/// </summary>
public sealed class DynamoDbEndpoint(TableStore store, ILogger<DynamoDbEndpoint> logger)
{
    public const long MaxBodyBytes = 16L * 1024 * 1024;
    private const string JsonContentType = "application/x-amz-json-1.0";

    public async Task HandleAsync(HttpContext http)
    {
        http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path == "/healthcheck")
        {
            await http.Response.WriteAsync("ok");
            return;
        }
        var output = new ArrayBufferWriter<byte>(4096);
        try
        {
            var operation = ResolveOperation(http.Request);
            var context = new OperationContext(store, SigV4Region(http.Request));
            var body = await ReadBodyAsync(http.Request);
            Run(body, operation, context, output);
        }
        catch (Exception e) when (ToAwsError(e, http.RequestAborted.IsCancellationRequested) is { } error)
        {
            http.Response.StatusCode = error.Status;
            output.ResetWrittenCount();
            using var writer = new Utf8JsonWriter(output, ServerJson.WriterOptions);
            writer.WriteStartObject();
            writer.WriteString("__type", error.Type);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        http.Response.ContentType = JsonContentType;
        http.Response.ContentLength = output.WrittenCount;
        await http.Response.Body.WriteAsync(output.WrittenMemory);
    }

    private static OperationHandler ResolveOperation(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
            throw DynamoDbException.UnknownOperation($"DynamoDB operations are POST requests; got {request.Method}.");
        var target = request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(Operations.TargetPrefix, StringComparison.Ordinal)
            || !Operations.ByName.TryGetValue(target[Operations.TargetPrefix.Length..], out var operation))
            throw DynamoDbException.UnknownOperation(target.Length == 0 ? "The X-Amz-Target header is missing." : $"Operation {target} is not supported by sandbox-dynamodb.");
        return operation;
    }

    private static async Task<ReadOnlySequence<byte>> ReadBodyAsync(HttpRequest request)
    {
        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync();
            if (read.Buffer.Length > MaxBodyBytes) throw DynamoDbException.Validation($"The request body is larger than {MaxBodyBytes} bytes.");
            if (read.IsCompleted)
            {
                // Copy out before advancing: the handler runs synchronously on the bytes.
                var copy = new ReadOnlySequence<byte>(read.Buffer.ToArray());
                reader.AdvanceTo(read.Buffer.End);
                return copy;
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static void Run(ReadOnlySequence<byte> body, OperationHandler operation, OperationContext context, ArrayBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, ServerJson.WriterOptions);
        operation(body.FirstSpan, context, writer);
        writer.Flush();
    }

    /// <summary>Requires a well-formed SigV4 Authorization header like DynamoDB; the signature is never verified.</summary>
    private static string SigV4Region(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0) throw DynamoDbException.MissingAuthenticationToken("Request is missing Authentication Token");
        const string credential = "Credential=";
        var at = authorization.IndexOf(credential, StringComparison.Ordinal);
        var scope = at < 0 ? [] : authorization[(at + credential.Length)..].Split(',', 2)[0].Trim().Split('/');
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) || scope.Length != 5 || scope.Any(string.IsNullOrEmpty))
            throw DynamoDbException.IncompleteSignature($"Authorization header must be 'AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=...'");
        return scope[2];
    }

    private (int Status, string Type, string Message)? ToAwsError(Exception e, bool clientGone)
    {
        switch (e)
        {
            case DynamoDbException d:
                return (StatusCodes.Status400BadRequest, d.Type, d.Message);
            case JsonException or FormatException or System.Text.DecoderFallbackException or InvalidOperationException { Source: "System.Text.Json" }:
                return (StatusCodes.Status400BadRequest, DynamoDbException.Serialization("").Type, $"The request body could not be read: {e.Message}");
            case ObjectDisposedException:
                return (StatusCodes.Status400BadRequest, DynamoDbException.ResourceNotFound("").Type, "Requested resource not found: the table was deleted while this request ran");
            case BadHttpRequestException bad:
                return (StatusCodes.Status400BadRequest, DynamoDbException.Serialization("").Type, $"The request could not be read: {bad.Message}");
            case OperationCanceledException or IOException when clientGone:
                return null;
            default:
                logger.LogError(e, "Operation failed inside the engine");
                return (StatusCodes.Status500InternalServerError, DynamoDbException.InternalFailure("").Type, $"The engine failed: {e.GetType().Name}: {e.Message}");
        }
    }
}
