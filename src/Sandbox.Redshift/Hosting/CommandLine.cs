using System.Globalization;
using System.Net;

namespace Sandbox.Redshift.Hosting;

/// <summary>Parses sandbox-redshift's arguments; every mistake is an ArgumentException naming the argument.</summary>
public static class CommandLine
{
    public const string QueryLogVariable = "SANDBOX_REDSHIFT_QUERY_LOG";

    public const string Usage = $"""
        usage: sandbox-redshift --host 127.0.0.1 --port <port> --backend-port <postgres port> [--backend-host 127.0.0.1]
          {QueryLogVariable} (environment): Npgsql connection string to that PostgreSQL (warehouse database) for redshift.query_log
        """;

    public static FrontOptions Parse(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--host" or "--port" or "--backend-host" or "--backend-port"))
                throw new ArgumentException($"unknown argument '{args[i]}'");
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value");
            values[args[i]] = args[i + 1];
        }
        var host = Loopback(values.GetValueOrDefault("--host", "127.0.0.1"), "--host");
        var backendHost = Loopback(values.GetValueOrDefault("--backend-host", "127.0.0.1"), "--backend-host");
        var port = Port(values.GetValueOrDefault("--port"), "--port", allowZero: true);
        var backendPort = Port(values.GetValueOrDefault("--backend-port"), "--backend-port", allowZero: false);
        var queryLog = environment(QueryLogVariable);
        if (string.IsNullOrWhiteSpace(queryLog))
            throw new ArgumentException($"{QueryLogVariable} is not set: the front needs a connection to PostgreSQL for redshift.query_log");
        return new FrontOptions(host, port, new IPEndPoint(backendHost, backendPort), queryLog);
    }

    private static IPAddress Loopback(string value, string name)
    {
        var address = value == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(value, out var parsed) ? parsed : null;
        if (address == null || !IPAddress.IsLoopback(address))
            throw new ArgumentException($"{name} '{value}' is not a loopback address (127.0.0.1, ::1, localhost)");
        return address;
    }

    private static int Port(string? value, string name, bool allowZero)
    {
        if (value == null) throw new ArgumentException($"{name} is required");
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535 || (port == 0 && !allowZero))
            throw new ArgumentException($"{name} '{value}' is not a port number (1-65535{(allowZero ? ", or 0 for a free one" : "")})");
        return port;
    }
}
