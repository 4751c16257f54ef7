using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sandbox.Kinesis.Server.Api;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Http;

/// <summary>
/// The AWS JSON 1.1 front door: POST / with X-Amz-Target. Every failure becomes an AWS-shaped
/// {"__type","message"} with HTTP 400, never a 500 for anything the client sent.
/// </summary>
public sealed class KinesisEndpoint(Engine engine, ILogger<KinesisEndpoint> logger)
{
    public const long MaxBodyBytes = 16L * 1024 * 1024;
    private const string JsonContentType = "application/x-amz-json-1.1";

    // AWS writes quotes and '+' as they are; the default encoder would send \u0027 and \u002B.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path == "/healthcheck")
        {
            await http.Response.WriteAsync("ok");
            return;
        }
        using var output = new PooledBufferWriter();
        try
        {
            var operation = ResolveOperation(http.Request);
            var region = SigV4Header.RegionOf(http.Request);
            await ExecuteAsync(http.Request.BodyReader, operation, new OperationContext(engine, region), output);
            http.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (Exception e) when (ToAwsError(e, http.RequestAborted.IsCancellationRequested) is { } error)
        {
            http.Response.StatusCode = error.Status;
            http.Response.Headers["x-amzn-ErrorType"] = error.Type;
            WriteError(output, error.Type, error.Message);
        }
        http.Response.ContentType = JsonContentType;
        http.Response.ContentLength = output.WrittenMemory.Length;
        await http.Response.Body.WriteAsync(output.WrittenMemory);
    }

    private static OperationHandler ResolveOperation(HttpRequest request)
    {
        var target = request.Headers["X-Amz-Target"].ToString();
        if (!HttpMethods.IsPost(request.Method))
            throw new KinesisException(ErrorTypes.UnknownOperation, $"Kinesis operations are POST requests; got {request.Method}.");
        var contentType = request.ContentType ?? "";
        if (contentType.Contains("cbor", StringComparison.OrdinalIgnoreCase))
            throw KinesisException.Serialization($"Content-Type {contentType} is not supported: this engine speaks JSON only ({JsonContentType}). Disable CBOR in the client (AWS_CBOR_DISABLE=1 for the Java SDK).");
        if (!target.StartsWith(Operations.TargetPrefix, StringComparison.Ordinal)
            || !Operations.ByName.TryGetValue(target[Operations.TargetPrefix.Length..], out var operation))
            throw new KinesisException(ErrorTypes.UnknownOperation,
                target.Length == 0 ? "The X-Amz-Target header is missing." : $"Operation {target} is not supported by this engine.");
        return operation;
    }

    private static async Task ExecuteAsync(PipeReader body, OperationHandler operation, OperationContext context, PooledBufferWriter output)
    {
        ReadResult read;
        while (true)
        {
            read = await body.ReadAsync();
            if (read.Buffer.Length > MaxBodyBytes)
                throw KinesisException.Validation($"The request body is larger than {MaxBodyBytes} bytes.");
            if (read.IsCompleted) break;
            body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
        try
        {
            Run(read.Buffer, operation, context, output);
        }
        finally
        {
            body.AdvanceTo(read.Buffer.End);
        }
    }

    private static void Run(ReadOnlySequence<byte> body, OperationHandler operation, OperationContext context, PooledBufferWriter output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (body.IsSingleSegment)
        {
            operation(body.FirstSpan, context, writer);
        }
        else
        {
            var copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
            try
            {
                body.CopyTo(copy);
                operation(copy.AsSpan(0, (int)body.Length), context, writer);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
        writer.Flush();
    }

    private (int Status, string Type, string Message)? ToAwsError(Exception e, bool clientGone)
    {
        switch (e)
        {
            case KinesisException k:
                return (StatusCodes.Status400BadRequest, k.ErrorType, k.Message);
            case JsonException or FormatException or System.Text.DecoderFallbackException:
                return (StatusCodes.Status400BadRequest, ErrorTypes.Serialization, $"The request body could not be read: {e.Message}");
            case ObjectDisposedException:
                // Only DeleteStream, retention dropping an expired closed shard, or shutdown close a shard's files.
                return (StatusCodes.Status400BadRequest, ErrorTypes.ResourceNotFound, "The stream or shard was deleted while this request ran.");
            case BadHttpRequestException bad:
                return (StatusCodes.Status400BadRequest, ErrorTypes.Serialization, $"The request could not be read: {bad.Message}");
            case OperationCanceledException or IOException when clientGone:
                return null; // the client went away: nothing to answer
            default:
                logger.LogError(e, "Operation failed inside the engine");
                return (StatusCodes.Status500InternalServerError, ErrorTypes.InternalFailure, $"The engine failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static void WriteError(PooledBufferWriter output, string type, string message)
    {
        output.Reset();
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("__type", type);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
