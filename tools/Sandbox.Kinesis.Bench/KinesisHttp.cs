using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sandbox.Kinesis.Bench;

/// <summary>
/// Raw AWS JSON 1.1 calls with a dummy (well-formed, unverified) SigV4 header: the lightest client
/// possible, so the measurement is the engine's and not a client library's.
/// </summary>
internal sealed class KinesisHttp(Uri endpoint) : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/x-amz-json-1.1");
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false })
    {
        BaseAddress = endpoint,
        Timeout = TimeSpan.FromMinutes(10),
    };

    public async Task<JsonDocument> CallAsync(string operation, ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        var bytes = await CallRawAsync(operation, body, ct);
        return JsonDocument.Parse(bytes.Length == 0 ? "{}"u8.ToArray() : bytes);
    }

    public Task<JsonDocument> CallAsync(string operation, object request, CancellationToken ct = default) =>
        CallAsync(operation, JsonSerializer.SerializeToUtf8Bytes(request), ct);

    public async Task<byte[]> CallRawAsync(string operation, ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = JsonType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Kinesis_20131202." + operation);
        var date = DateTime.UtcNow;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", date.ToString("yyyyMMdd'T'HHmmss'Z'"));
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential=bench/{date:yyyyMMdd}/us-east-1/kinesis/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000");
        using var response = await _http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{operation} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    public void Dispose() => _http.Dispose();
}
