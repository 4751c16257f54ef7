using Sandbox.Hosting;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>sandbox-kinesis --host 127.0.0.1 --port &lt;p&gt; --data &lt;dir&gt; [--limits on|off]</summary>
public static class CommandLine
{
    public const string Usage = "usage: sandbox-kinesis --host 127.0.0.1 --port <port, 0 = any free> --data <folder> [--limits on|off]";

    private static readonly string[] Names = ["--host", "--port", "--data", "--limits"];

    /// <summary>Parses the arguments, or throws <see cref="ArgumentException"/> saying which one is wrong.</summary>
    public static EngineOptions Parse(IReadOnlyList<string> args)
    {
        var values = ServerArguments.Parse(args, Names);
        var host = values.LoopbackHost("engine");
        var port = values.Port();
        var data = values.Required("--data");
        var limits = (values.Optional("--limits") ?? "on") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--limits '{other}' must be 'on' or 'off'"),
        };
        return new EngineOptions(host, port, data, limits);
    }
}
