using Sandbox.Core.Endpoints;

namespace Sandbox.Core.Tests.Endpoints;

public class EndpointsLoaderTests
{
    private static SandboxEndpoints Load(params (string Key, string Value)[] settings) =>
        EndpointsLoader.FromSettings(settings.ToDictionary(s => s.Key, s => s.Value));

    [Fact]
    public void Defaults_are_the_native_stack_on_loopback()
    {
        var endpoints = Load();

        Assert.Equal(StackTarget.Native, endpoints.Target);
        Assert.Equal(new Uri("http://127.0.0.1:4567"), endpoints.KinesisUrl);
        Assert.Equal(new Uri("http://127.0.0.1:4568"), endpoints.DynamoDbUrl);
        Assert.Equal(new Uri("http://127.0.0.1:4569"), endpoints.S3Url);
        Assert.Contains("Port=5439", endpoints.WarehouseConnectionString);
        Assert.Equal(new AwsKeys("S3RVER", "S3RVER"), endpoints.Keys);
        Assert.Equal("app-events", endpoints.Resources.Stream);
    }

    [Fact]
    public void Each_warehouse_role_has_its_own_connection_string_and_none_defaults_to_a_password()
    {
        var defaults = Load();
        Assert.Contains("Username=sandbox_delivery", defaults.WarehouseConnectionString);
        Assert.Contains("Username=sandbox_admin", defaults.WarehouseAdminConnectionString);
        Assert.Contains("Username=analyst", defaults.WarehouseAnalystConnectionString);
        Assert.All([defaults.WarehouseConnectionString, defaults.WarehouseAdminConnectionString, defaults.WarehouseAnalystConnectionString],
            s => Assert.DoesNotContain("Password", s));

        var split = Load(("SANDBOX_WAREHOUSE", "Host=h;Username=d"), ("SANDBOX_WAREHOUSE_ADMIN", "Host=h;Username=a"),
            ("SANDBOX_WAREHOUSE_ANALYST", "Host=h;Username=r"));
        Assert.Equal(("Host=h;Username=d", "Host=h;Username=a", "Host=h;Username=r"),
            (split.WarehouseConnectionString, split.WarehouseAdminConnectionString, split.WarehouseAnalystConnectionString));
    }

    [Fact]
    public void One_warehouse_connection_string_serves_every_role_when_the_roles_are_not_split()
    {
        var endpoints = Load(("SANDBOX_TARGET", "aws"), ("SANDBOX_WAREHOUSE", "Host=cluster;Username=me"));

        Assert.Equal("Host=cluster;Username=me", endpoints.WarehouseAdminConnectionString);
        Assert.Equal("Host=cluster;Username=me", endpoints.WarehouseAnalystConnectionString);
    }

    [Fact]
    public void Settings_override_each_endpoint_and_resource()
    {
        var endpoints = Load(
            ("SANDBOX_TARGET", "compose"),
            ("SANDBOX_KINESIS_URL", "http://127.0.0.1:4566"),
            ("SANDBOX_STREAM", "other-stream"),
            ("SANDBOX_STREAM_SHARDS", "2"),
            ("SANDBOX_ACCESS_KEY_ID", "test"),
            ("SANDBOX_SECRET_ACCESS_KEY", "test"));

        Assert.Equal(StackTarget.Compose, endpoints.Target);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoints.KinesisUrl);
        Assert.Equal(new Uri("http://127.0.0.1:4569"), endpoints.S3Url);
        Assert.Equal("other-stream", endpoints.Resources.Stream);
        Assert.Equal(2, endpoints.Resources.StreamShards);
        Assert.Equal(new AwsKeys("test", "test"), endpoints.Keys);
    }

    [Fact]
    public void Aws_target_uses_regional_endpoints_and_the_sdk_credential_chain()
    {
        var endpoints = Load(("SANDBOX_TARGET", "aws"), ("AWS_REGION", "us-west-2"));

        Assert.False(endpoints.IsLocal);
        Assert.Null(endpoints.KinesisUrl);
        Assert.Null(endpoints.S3Url);
        Assert.Null(endpoints.Keys);
        Assert.Equal("us-west-2", endpoints.Region);
    }

    [Theory]
    [InlineData("SANDBOX_KINESIS_URL", "localhost:4567", "is not an http(s) URL")]
    [InlineData("SANDBOX_TARGET", "docker", "is not one of native, compose, aws")]
    [InlineData("SANDBOX_STREAM_SHARDS", "-1", "is not a positive integer")]
    public void Bad_settings_are_named_in_the_error(string key, string value, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Load((key, value)));

        Assert.Contains($"{key}='{value}'", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Env_file_accepts_comments_quotes_and_export()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "# comment\n\nexport SANDBOX_TARGET=native\nSANDBOX_WAREHOUSE=\"Host=127.0.0.1;Port=1\"\nA='b'\n");

        var settings = EndpointsLoader.ParseEnvFile(path);

        Assert.Equal("native", settings["SANDBOX_TARGET"]);
        Assert.Equal("Host=127.0.0.1;Port=1", settings["SANDBOX_WAREHOUSE"]);
        Assert.Equal("b", settings["A"]);
    }

    [Fact]
    public void Env_file_with_a_malformed_line_names_the_file_and_line()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "SANDBOX_TARGET=native\nnot a setting\n");

        var error = Assert.Throws<FormatException>(() => EndpointsLoader.ParseEnvFile(path));

        Assert.Contains($"{path}:2", error.Message);
    }
}
