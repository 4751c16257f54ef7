using System.Globalization;
using System.Net;

namespace Sandbox.Redshift.Hosting;

/// <summary>Parses sandbox-redshift's arguments; every mistake is an ArgumentException naming the argument.</summary>
public static class CommandLine
{
    public const string QueryLogVariable = "SANDBOX_REDSHIFT_QUERY_LOG";

    public const string Usage = $"""
        usage: sandbox-redshift --host 127.0.0.1 --port <port, 0 = any free> --backend-port <postgres port> [--backend-host 127.0.0.1]
          {QueryLogVariable} (environment): Npgsql connection string to that PostgreSQL (warehouse database) for redshift.query_log
        """;

    private static readonly string[] Valued = ["--host", "--port", "--backend-host", "--backend-port"];

    public static FrontOptions Parse(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!Valued.Contains(args[i])) throw new ArgumentException($"unknown argument '{args[i]}'");
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
            values[args[i]] = args[++i];
        }
        var host = Address(values.GetValueOrDefault("--host", "127.0.0.1"), "--host");
        var port = Port(values.GetValueOrDefault("--port"), "--port", allowZero: true);
        var backendPort = Port(values.GetValueOrDefault("--backend-port"), "--backend-port", allowZero: false);
        var backendHost = values.GetValueOrDefault("--backend-host", "127.0.0.1");
        var backend = new IPEndPoint(Address(backendHost, "--backend-host"), backendPort);
        var queryLog = environment(QueryLogVariable);
        if (string.IsNullOrWhiteSpace(queryLog))
            throw new ArgumentException($"{QueryLogVariable} is not set: the front needs a connection to PostgreSQL for redshift.query_log");
        return new FrontOptions(host, port, backend, queryLog);
    }

    private static IPAddress Address(string value, string name)
    {
        var address = value == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(value, out var parsed) ? parsed : null;
        if (address != null && IPAddress.IsLoopback(address)) return address;
        throw new ArgumentException($"{name} '{value}' is not a loopback address (127.0.0.1, ::1, localhost): the front and its PostgreSQL are reached on loopback only");
    }

    private static int Port(string? value, string name, bool allowZero)
    {
        if (value == null) throw new ArgumentException($"{name} is required");
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535 || (port == 0 && !allowZero))
            throw new ArgumentException($"{name} '{value}' is not a port number (1-65535{(allowZero ? ", or 0 for a free one" : "")})");
        return port;
    }
}
