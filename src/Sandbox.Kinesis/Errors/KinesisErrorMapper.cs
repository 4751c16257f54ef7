using System.Net;
using System.Text.Json;
using Sandbox.Kinesis.Json;

namespace Sandbox.Kinesis.Errors;

/// <summary>Turns a non-2xx answer into the typed exception its AWS error code names.</summary>
public static class KinesisErrorMapper
{
    public static KinesisException FromResponse(HttpStatusCode status, ReadOnlySpan<byte> body, string? errorTypeHeader, string? requestId)
    {
        var parsed = TryParse(body);
        var code = ErrorCode(parsed?.Type ?? errorTypeHeader)
            ?? (status == HttpStatusCode.NotFound ? "UnknownOperationException" : $"Http{(int)status}");
        var text = parsed?.Message ?? parsed?.CapitalisedMessage
            ?? (body.Length == 0 ? "(empty body)" : System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 500)]));
        var message = $"{code} ({(int)status}): {text}";
        return Create(code, message, status, requestId);
    }

    public static KinesisException Create(string code, string message, HttpStatusCode status, string? requestId = null) => code switch
    {
        nameof(ResourceNotFoundException) => new ResourceNotFoundException(message, status, requestId),
        nameof(ResourceInUseException) => new ResourceInUseException(message, status, requestId),
        nameof(InvalidArgumentException) => new InvalidArgumentException(message, status, requestId),
        nameof(ExpiredIteratorException) => new ExpiredIteratorException(message, status, requestId),
        nameof(ExpiredNextTokenException) => new ExpiredNextTokenException(message, status, requestId),
        nameof(AccessDeniedException) => new AccessDeniedException(message, status, requestId),
        nameof(ProvisionedThroughputExceededException) => new ProvisionedThroughputExceededException(message, status, requestId),
        nameof(LimitExceededException) => new LimitExceededException(message, status, requestId),
        _ => new KinesisException(message, code, status, requestId),
    };

    /// <summary>"com.amazonaws.kinesis.v20131202#ResourceNotFoundException:extra" -> "ResourceNotFoundException".</summary>
    public static string? ErrorCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var span = type.AsSpan();
        if (span.LastIndexOf('#') is var hash and >= 0) span = span[(hash + 1)..];
        if (span.IndexOf(':') is var colon and >= 0) span = span[..colon];
        span = span.Trim();
        return span.Length == 0 ? null : span.ToString();
    }

    private static AwsErrorBody? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return null;
        try { return JsonSerializer.Deserialize(body, KinesisJsonContext.Default.AwsErrorBody); }
        catch (JsonException) { return null; }
    }
}
