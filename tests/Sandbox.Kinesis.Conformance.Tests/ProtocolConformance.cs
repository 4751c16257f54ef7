using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sandbox.Kinesis.Conformance.Tests.Targets;

namespace Sandbox.Kinesis.Conformance.Tests;

/// <summary>Hand-made requests the client would never send: the answers must still be AWS-shaped 400s.</summary>
public abstract partial class KinesisConformance
{
    private async Task<(HttpStatusCode Status, string? ErrorType)> SendRawAsync(string? target, string body)
    {
        RequireTarget();
        using var http = Target.RawHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(KinesisClient.ContentType);
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        var type = json.RootElement.TryGetProperty("__type", out var t) ? t.GetString() : null;
        return (response.StatusCode, Errors.KinesisErrorMapper.ErrorCode(type));
    }

    [SkippableFact]
    public async Task Malformed_json_is_a_serialization_exception()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "SerializationException"), await SendRawAsync("Kinesis_20131202.ListStreams", "{not json"));
    }

    [SkippableFact]
    public async Task A_field_of_the_wrong_type_is_a_serialization_exception()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "SerializationException"),
            await SendRawAsync("Kinesis_20131202.DescribeStream", """{"StreamName":5}"""));
    }

    [SkippableFact]
    public async Task An_unknown_operation_is_refused_with_a_400()
    {
        var expected = Target.Deviates(Deviation.UnknownOperationIsAccessDenied) ? "AccessDeniedException" : "UnknownOperationException";

        Assert.Equal((HttpStatusCode.BadRequest, expected), await SendRawAsync("Kinesis_20131202.Frobnicate", "{}"));
    }

    [SkippableFact]
    public async Task A_request_without_the_stream_name_is_a_400_naming_the_problem()
    {
        var (status, type) = await SendRawAsync("Kinesis_20131202.DescribeStream", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        // AWS documents neither field as required since StreamARN was added; it answers one of these two.
        Assert.Contains(type, new[] { "InvalidArgumentException", "ValidationException" });
    }
}
