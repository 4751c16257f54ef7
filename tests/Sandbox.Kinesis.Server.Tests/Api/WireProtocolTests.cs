using System.Net;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class WireProtocolTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await InProcessEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task A_request_without_Authorization_is_MissingAuthenticationToken()
    {
        var error = KinesisWire.ErrorOf(await _engine.Wire.SendAsync("ListStreams", "{}", signed: false));
        Assert.Equal("MissingAuthenticationTokenException", error.Type);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=key/20261130/us-east-1/kinesis, SignedHeaders=host, Signature=00")]
    public async Task A_malformed_Authorization_header_is_IncompleteSignature(string authorization)
    {
        using var request = Post("ListStreams", "{}");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261130T120000Z");

        using var response = await _engine.Wire.SendRawAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("IncompleteSignatureException", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signature_without_a_request_date_is_IncompleteSignature()
    {
        using var request = Post("ListStreams", "{}");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=k/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00");

        using var response = await _engine.Wire.SendRawAsync(request);

        Assert.Contains("X-Amz-Date", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_signature_itself_is_not_verified_and_the_region_comes_from_the_credential_scope()
    {
        using var request = Post("CreateStream", """{"StreamName":"s","ShardCount":1}""");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=any/20261130/eu-west-1/kinesis/aws4_request, SignedHeaders=host, Signature=wrong");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261130T120000Z");
        using var created = await _engine.Wire.SendRawAsync(request);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        var summary = await _engine.Wire.OkAsync("DescribeStreamSummary", new { StreamName = "s" });
        Assert.Equal("arn:aws:kinesis:us-east-1:000000000000:stream/s", (string)summary["StreamDescriptionSummary"]!["StreamARN"]!);
    }

    [Theory]
    [InlineData(null, "X-Amz-Target header is missing")]
    [InlineData("Kinesis_20131202.DoMagic", "Kinesis_20131202.DoMagic")]
    [InlineData("DynamoDB_20120810.ListTables", "DynamoDB_20120810.ListTables")]
    public async Task An_unknown_target_is_UnknownOperation(string? target, string mentioned)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent("{}") };
        if (target is not null) request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        using var response = await _engine.Wire.SendRawAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UnknownOperationException", body);
        Assert.Contains(mentioned, body);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("not json")]
    [InlineData("""{"StreamName":"s","ShardCount":"two"}""")]
    [InlineData("""{"StreamName":5,"ShardCount":1}""")]
    public async Task A_body_that_is_not_the_operations_JSON_is_a_SerializationException(string body)
    {
        var error = KinesisWire.ErrorOf(await _engine.Wire.SendAsync("CreateStream", body, signed: true));
        Assert.Equal("SerializationException", error.Type);
    }

    [Fact]
    public async Task Record_data_that_is_not_base64_is_a_SerializationException()
    {
        await _engine.CreateStreamAsync("s");
        var error = await _engine.Wire.ErrorAsync("PutRecord", """{"StreamName":"s","PartitionKey":"k","Data":"%%%"}""");
        Assert.Equal("SerializationException", error.Type);
    }

    [Fact]
    public async Task Messages_keep_quotes_unescaped_as_AWS_writes_them()
    {
        using var request = Post("CreateStream", """{"StreamName":"bad name","ShardCount":1}""");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=k/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261130T120000Z");

        using var response = await _engine.Wire.SendRawAsync(request);

        Assert.Contains("Value 'bad name' at 'streamName'", await response.Content.ReadAsStringAsync()); // raw text, not \u0027
    }

    [Fact]
    public async Task CBOR_is_refused_with_a_clear_message()
    {
        var error = KinesisWire.ErrorOf(await _engine.Wire.SendAsync("ListStreams", "{}", signed: true, contentType: "application/x-amz-cbor-1.1"));
        Assert.Equal("SerializationException", error.Type);
        Assert.Contains("JSON only", error.Message);
    }

    [Fact]
    public async Task Errors_carry_the_type_in_a_header_and_every_response_a_request_id()
    {
        using var request = Post("DescribeStream", """{"StreamName":"missing"}""");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=k/20261130/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261130T120000Z");

        using var response = await _engine.Wire.SendRawAsync(request);

        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.NotEmpty(response.Headers.GetValues("x-amzn-RequestId").Single());
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
    }

    private static HttpRequestMessage Post(string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "Kinesis_20131202." + operation);
        return request;
    }
}
