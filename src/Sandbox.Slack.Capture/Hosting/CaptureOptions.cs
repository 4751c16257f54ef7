using System.Net;
using Sandbox.Hosting;

namespace Sandbox.Slack.Capture.Hosting;

/// <param name="WebhookChannel">Where incoming webhooks post (a real webhook is bound to one channel).</param>
public sealed record CaptureOptions(IPAddress Host, int Port, string DataDirectory, string WebhookChannel)
{
    private static readonly string[] Names = ["--host", "--port", "--data", "--webhook-channel"];

    public const string Usage = "usage: sandbox-slack --host 127.0.0.1 --port <port, 0 = any free> --data <folder> [--webhook-channel <name>]";

    /// <summary>Throws <see cref="ArgumentException"/> naming the argument that is wrong.</summary>
    public static CaptureOptions Parse(IReadOnlyList<string> args)
    {
        // The channel the poster uses for the capture: webhook and bot posts show side by side.
        var defaults = new Dictionary<string, string> { ["--webhook-channel"] = Sandbox.Slack.Delivery.SlackDestination.CaptureChannel };
        var arguments = ServerArguments.Parse(args, Names, defaults);
        var host = arguments.LoopbackHost("capture");
        var port = arguments.Port();
        var channel = arguments.Optional("--webhook-channel")!.TrimStart('#');
        try
        {
            Api.Channels.Require(channel);
        }
        catch (Api.SlackApiException)
        {
            throw new ArgumentException($"--webhook-channel '{channel}' is not a Slack channel name (lower case letters, digits, - and _)");
        }
        return new CaptureOptions(host, port, arguments.Required("--data"), channel);
    }
}
