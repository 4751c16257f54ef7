using System.Globalization;
using System.Net;

namespace Sandbox.Slack.Capture.Hosting;

/// <param name="WebhookChannel">Where incoming webhooks post (a real webhook is bound to one channel).</param>
public sealed record CaptureOptions(IPAddress Host, int Port, string DataDirectory, string WebhookChannel)
{
    public const string Usage = "usage: sandbox-slack --host 127.0.0.1 --port <port, 0 = any free> --data <folder> [--webhook-channel <name>]";

    /// <summary>Throws <see cref="ArgumentException"/> naming the argument that is wrong.</summary>
    public static CaptureOptions Parse(IReadOnlyList<string> args)
    {
        // The channel the poster uses for the capture: webhook and bot posts show side by side.
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["--webhook-channel"] = Sandbox.Slack.Delivery.SlackDestination.CaptureChannel };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--host" or "--port" or "--data" or "--webhook-channel")) throw new ArgumentException($"unknown argument '{args[i]}'");
            if (i + 1 >= args.Count) throw new ArgumentException($"{args[i]} needs a value");
            values[args[i]] = args[++i];
        }
        string Required(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : throw new ArgumentException($"{name} is required");
        var hostText = Required("--host");
        var host = hostText == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(hostText, out var parsed) ? parsed : null;
        if (host is null || !IPAddress.IsLoopback(host))
            throw new ArgumentException($"--host '{hostText}' is not a loopback address: the capture only binds 127.0.0.1 (or ::1)");
        var portText = Required("--port");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new ArgumentException($"--port '{portText}' is not a port number (0-65535)");
        var channel = values["--webhook-channel"].TrimStart('#');
        try
        {
            Api.Channels.Require(channel);
        }
        catch (Api.SlackApiException)
        {
            throw new ArgumentException($"--webhook-channel '{channel}' is not a Slack channel name (lower case letters, digits, - and _)");
        }
        return new CaptureOptions(host, port, Required("--data"), channel);
    }
}
