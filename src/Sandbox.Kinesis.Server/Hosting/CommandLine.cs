using System.Globalization;
using System.Net;

namespace Sandbox.Kinesis.Server.Hosting;

/// <summary>sandbox-kinesis --host 127.0.0.1 --port &lt;p&gt; --data &lt;dir&gt; [--limits on|off]</summary>
public static class CommandLine
{
    public const string Usage = "usage: sandbox-kinesis --host 127.0.0.1 --port <port, 0 = any free> --data <folder> [--limits on|off]";

    /// <summary>Parses the arguments, or throws <see cref="ArgumentException"/> saying which one is wrong.</summary>
    public static EngineOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--host" or "--port" or "--data" or "--limits"))
                throw new ArgumentException($"unknown argument '{name}'");
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value");
            values[name] = args[++i];
        }
        var host = ParseHost(Required(values, "--host"));
        var portText = Required(values, "--port");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--port '{portText}' is not a port number (0-65535)");
        var data = Required(values, "--data");
        var limits = values.GetValueOrDefault("--limits", "on") switch
        {
            "on" => true,
            "off" => false,
            var other => throw new ArgumentException($"--limits '{other}' must be 'on' or 'off'"),
        };
        return new EngineOptions(host, port, data, limits);
    }

    private static IPAddress ParseHost(string host)
    {
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is not null && IPAddress.IsLoopback(address)) return address;
        throw new ArgumentException(address is null
            ? $"--host '{host}' is not an IP address: the engine only binds 127.0.0.1 (or ::1)"
            : $"--host '{host}' is not a loopback address: the engine only binds 127.0.0.1 (or ::1)");
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{name} is required");
}
