using System.Net;
using Sandbox.Kinesis.Server.Hosting;

namespace Sandbox.Kinesis.Server.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void The_documented_command_line_parses_with_limits_on_by_default()
    {
        var options = CommandLine.Parse(["--host", "127.0.0.1", "--port", "4567", "--data", "/tmp/k"]);

        Assert.Equal(new EngineOptions(IPAddress.Loopback, 4567, "/tmp/k", LimitsEnforced: true), options);
        Assert.False(CommandLine.Parse(["--host", "::1", "--port", "0", "--data", "d", "--limits", "off"]).LimitsEnforced);
    }

    [Fact]
    public void The_engine_never_binds_every_interface_not_even_in_a_container()
    {
        var wildcard = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--host", "0.0.0.0", "--port", "4567", "--data", "/data"]));
        Assert.Contains("not a loopback address", wildcard.Message);

        // The old container escape hatch is gone: compose runs the engine on the host's network, bound to 127.0.0.1.
        var flag = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--host", "0.0.0.0", "--port", "4567", "--data", "/data", "--container"]));
        Assert.Contains("unknown argument '--container'", flag.Message);
    }

    [Theory]
    [InlineData("--host 10.0.0.5 --port 1 --data d", "not a loopback address")]
    [InlineData("--host example.com --port 1 --data d", "not an IP address")]
    [InlineData("--host 127.0.0.1 --port 70000 --data d", "--port '70000'")]
    [InlineData("--host 127.0.0.1 --port 1", "--data is required")]
    [InlineData("--host 127.0.0.1 --port 1 --data d --limits maybe", "--limits 'maybe'")]
    [InlineData("--host 127.0.0.1 --port 1 --data d --verbose x", "unknown argument '--verbose'")]
    [InlineData("--host 127.0.0.1 --port", "--port needs a value")]
    public void Bad_arguments_are_named_in_the_error(string args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args.Split(' ')));
        Assert.Contains(expected, error.Message);
    }
}
