using System.Net;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Tests.Fakes;

namespace Sandbox.Kinesis.Tests.Errors;

public class KinesisErrorMappingTests
{
    [Theory]
    [InlineData("ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData("ResourceInUseException", typeof(ResourceInUseException))]
    [InlineData("InvalidArgumentException", typeof(InvalidArgumentException))]
    [InlineData("ExpiredIteratorException", typeof(ExpiredIteratorException))]
    [InlineData("ExpiredNextTokenException", typeof(ExpiredNextTokenException))]
    [InlineData("ProvisionedThroughputExceededException", typeof(ProvisionedThroughputExceededException))]
    [InlineData("LimitExceededException", typeof(LimitExceededException))]
    [InlineData("AccessDeniedException", typeof(AccessDeniedException))]
    [InlineData("com.amazonaws.kinesis.v20131202#ResourceNotFoundException", typeof(ResourceNotFoundException))]
    [InlineData("SerializationException", typeof(KinesisException))]
    public async Task The_error_type_picks_the_exception_and_keeps_code_status_and_message(string type, Type expected)
    {
        var handler = new FakeKinesisHandler().Answer(
            $$"""{"__type":"{{type}}","message":"Stream s under account 1 not found."}""", HttpStatusCode.BadRequest);
        using var client = TestClients.Over(handler);

        var error = await Assert.ThrowsAnyAsync<KinesisException>(() => client.DescribeStreamAsync(new() { StreamName = "s" }));

        Assert.IsType(expected, error);
        Assert.Equal(KinesisErrorMapper.ErrorCode(type), error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Stream s under account 1 not found.", error.Message);
    }

    [Fact]
    public void The_error_type_header_is_used_when_the_body_has_none()
    {
        var error = KinesisErrorMapper.FromResponse(HttpStatusCode.BadRequest, "{}"u8,
            "InvalidArgumentException:http://internal.amazon.com/", "req-1");

        Assert.IsType<InvalidArgumentException>(error);
        Assert.Equal("req-1", error.RequestId);
    }

    [Fact]
    public void A_body_that_is_not_json_still_gives_a_readable_error()
    {
        var error = KinesisErrorMapper.FromResponse(HttpStatusCode.BadGateway, "upstream timed out"u8, null, null);

        Assert.Equal("Http502", error.ErrorCode);
        Assert.Contains("upstream timed out", error.Message);
        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData("ProvisionedThroughputExceededException", 400, true)]
    [InlineData("LimitExceededException", 400, true)]
    [InlineData("ThrottlingException", 400, true)]
    [InlineData("InternalFailure", 500, true)]
    [InlineData("ServiceUnavailable", 503, true)]
    [InlineData("InvalidArgumentException", 400, false)]
    [InlineData("ResourceNotFoundException", 400, false)]
    public void Only_throttling_and_server_side_errors_are_transient(string code, int status, bool transient) =>
        Assert.Equal(transient, KinesisErrorMapper.Create(code, "m", (HttpStatusCode)status).IsTransient);
}
