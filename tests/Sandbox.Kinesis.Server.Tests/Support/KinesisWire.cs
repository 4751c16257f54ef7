using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Sandbox.Kinesis.Server.Tests.Support;

/// <summary>Raw AWS JSON 1.1 calls with a dummy SigV4 header, returning status and parsed body.</summary>
public sealed class KinesisWire(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string operation, object request) =>
        SendAsync(operation, request is string raw ? raw : System.Text.Json.JsonSerializer.Serialize(request), signed: true);

    /// <summary>Calls an operation that must succeed; returns its body ({} for operations with no output).</summary>
    public async Task<JsonObject> OkAsync(string operation, object request)
    {
        var (status, body) = await CallAsync(operation, request);
        Assert.True(status == HttpStatusCode.OK, $"{operation} failed with {(int)status}: {body.ToJsonString()}");
        return body;
    }

    /// <summary>Calls an operation that must fail with HTTP 400; returns the AWS error type and message.</summary>
    public async Task<(string Type, string Message)> ErrorAsync(string operation, object request) => ErrorOf(await CallAsync(operation, request));

    public static (string Type, string Message) ErrorOf((HttpStatusCode Status, JsonObject Body) response)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.Status}: {response.Body.ToJsonString()}");
        return ((string)response.Body["__type"]!, (string)response.Body["message"]!);
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string? operation, string body, bool signed, string contentType = "application/x-amz-json-1.1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (operation is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", "Kinesis_20131202." + operation);
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261130T120000Z");
            request.Headers.TryAddWithoutValidation("Authorization",
                "AWS4-HMAC-SHA256 Credential=test/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject());
    }

    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => await _http.SendAsync(request);

    public void Dispose() => _http.Dispose();
}
