using System.Globalization;
using System.Net;

namespace Sandbox.Hosting;

/// <summary>
/// A server's <c>--name value</c> arguments. Every mistake is an <see cref="ArgumentException"/> naming
/// the argument, so the server can print it with its usage and exit 2.
/// </summary>
public sealed class ServerArguments
{
    private readonly Dictionary<string, string> _values;

    private ServerArguments(Dictionary<string, string> values) => _values = values;

    /// <param name="names">The arguments the server knows; each takes one value.</param>
    /// <param name="defaults">Values of optional arguments when they are not given.</param>
    public static ServerArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> names, IReadOnlyDictionary<string, string>? defaults = null)
    {
        var values = defaults is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!names.Contains(name)) throw new ArgumentException($"unknown argument '{name}'");
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value");
            values[name] = args[++i];
        }
        return new ServerArguments(values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{name} is required");

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary><c>--host</c>: 127.0.0.1, ::1 or localhost. Every server binds loopback only, in a container too.</summary>
    /// <param name="server">What the message calls the server ("engine", "capture").</param>
    public IPAddress LoopbackHost(string server)
    {
        var host = Required("--host");
        var address = host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        if (address is not null && IPAddress.IsLoopback(address)) return address;
        throw new ArgumentException(address is null
            ? $"--host '{host}' is not an IP address: the {server} only binds 127.0.0.1 (or ::1)"
            : $"--host '{host}' is not a loopback address: the {server} only binds 127.0.0.1 (or ::1)");
    }

    /// <summary><c>--port</c>: 0-65535, 0 for any free port.</summary>
    public int Port()
    {
        var text = Required("--port");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--port '{text}' is not a port number (0-65535)");
        return port;
    }
}
