using System.Globalization;
using System.Net;

namespace Sandbox.DynamoDb.Server.Hosting;

/// <summary>sandbox-dynamodb --host 127.0.0.1 --port &lt;p&gt; --data &lt;dir&gt;</summary>
public static class CommandLine
{
    /// <summary>What the engine prints on stdout, followed by its URL, once it accepts requests.</summary>
    public const string ListeningPrefix = "listening on ";

    public const string Usage = "usage: sandbox-dynamodb --host 127.0.0.1 --port <port, 0 = any free> --data <folder>";

    public static EngineOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--host" or "--port" or "--data")) throw new ArgumentException($"unknown argument '{args[i]}'");
            if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value");
            values[args[i]] = args[++i];
        }
        var hostText = Required(values, "--host");
        var host = hostText == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(hostText, out var parsed) ? parsed : null;
        if (host is null || !IPAddress.IsLoopback(host))
            throw new ArgumentException($"--host '{hostText}' is not a loopback address: the engine only binds 127.0.0.1 (or ::1)");
        var portText = Required(values, "--port");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--port '{portText}' is not a port number (0-65535)");
        return new EngineOptions(host, port, Required(values, "--data"));
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{name} is required");
}
