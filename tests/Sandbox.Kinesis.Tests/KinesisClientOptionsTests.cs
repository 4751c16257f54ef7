using Amazon.Runtime;
using Sandbox.Core.Endpoints;

namespace Sandbox.Kinesis.Tests;

public class KinesisClientOptionsTests
{
    [Fact]
    public void A_local_stack_uses_its_url_and_static_keys()
    {
        var endpoints = EndpointsLoader.FromSettings(new Dictionary<string, string>
        {
            ["SANDBOX_KINESIS_URL"] = "http://127.0.0.1:4999",
            ["SANDBOX_ACCESS_KEY_ID"] = "local-id",
            ["SANDBOX_SECRET_ACCESS_KEY"] = "local-secret",
        });

        var options = KinesisClientOptions.FromEndpoints(endpoints);

        Assert.Equal(new Uri("http://127.0.0.1:4999"), options.ServiceUrl);
        Assert.Equal("local-id", options.Credentials.GetCredentials().AccessKey);
    }

    [Fact]
    public void No_kinesis_url_means_the_real_regional_endpoint()
    {
        var endpoints = EndpointsLoader.FromSettings(new Dictionary<string, string>
        {
            ["SANDBOX_TARGET"] = "aws",
            ["SANDBOX_REGION"] = "eu-west-1",
            ["SANDBOX_ACCESS_KEY_ID"] = "id",
            ["SANDBOX_SECRET_ACCESS_KEY"] = "secret",
        });

        var options = KinesisClientOptions.FromEndpoints(endpoints);

        Assert.Equal(new Uri("https://kinesis.eu-west-1.amazonaws.com/"), options.ServiceUrl);
        Assert.IsType<BasicAWSCredentials>(options.Credentials);
    }

    [Theory]
    [InlineData("us-east-1", "https://kinesis.us-east-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://kinesis.cn-north-1.amazonaws.com.cn/")]
    public void Regional_endpoints_follow_the_partition(string region, string expected) =>
        Assert.Equal(new Uri(expected), KinesisClientOptions.RegionalEndpoint(region));

    [Fact]
    public void An_empty_region_is_refused_by_name() =>
        Assert.Contains("region", Assert.Throws<ArgumentException>(() => KinesisClientOptions.RegionalEndpoint(" ")).Message);
}
