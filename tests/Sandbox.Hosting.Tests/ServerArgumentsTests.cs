using System.Net;

namespace Sandbox.Hosting.Tests;

public sealed class ServerArgumentsTests
{
    private static readonly string[] Names = ["--host", "--port", "--data", "--mode"];

    [Fact]
    public void Values_defaults_and_the_loopback_forms_are_read()
    {
        var arguments = ServerArguments.Parse(["--host", "localhost", "--port", "0", "--data", "d"], Names, new Dictionary<string, string> { ["--mode"] = "fast" });

        Assert.Equal(IPAddress.Loopback, arguments.LoopbackHost("engine"));
        Assert.Equal(0, arguments.Port());
        Assert.Equal("d", arguments.Required("--data"));
        Assert.Equal("fast", arguments.Optional("--mode"));
        Assert.Equal(IPAddress.IPv6Loopback, ServerArguments.Parse(["--host", "::1"], Names).LoopbackHost("engine"));
    }

    [Theory]
    [InlineData("--host 0.0.0.0", "--host '0.0.0.0' is not a loopback address: the capture only binds 127.0.0.1")]
    [InlineData("--host 10.0.0.5", "not a loopback address")]
    [InlineData("--host example.com", "--host 'example.com' is not an IP address")]
    [InlineData("--port 1", "--host is required")]
    public void A_host_other_than_loopback_is_refused_by_name(string args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args.Split(' '), Names).LoopbackHost("capture"));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("--port 65536", "--port '65536' is not a port number (0-65535)")]
    [InlineData("--port -1", "--port '-1' is not a port number")]
    [InlineData("--port http", "--port 'http' is not a port number")]
    [InlineData("--host 127.0.0.1", "--port is required")]
    public void A_bad_port_is_named(string args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args.Split(' '), Names).Port());
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("--verbose x", "unknown argument '--verbose'")]
    [InlineData("--host 127.0.0.1 --port", "--port needs a value")]
    public void Unknown_arguments_and_missing_values_are_named(string args, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args.Split(' '), Names)).Message);

    [Fact]
    public void An_empty_required_value_counts_as_missing() =>
        Assert.Contains("--data is required", Assert.Throws<ArgumentException>(() => ServerArguments.Parse(["--data", ""], Names).Required("--data")).Message);
}
