using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Output;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Generator;
using Sandbox.Kinesis;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary><c>sandbox generate --sink kinesis</c>: progress with events/s, then the send summary.</summary>
public static class KinesisCommandRun
{
    public static int Run(GeneratorConfig config, string output, bool overwrite, string? stream, int senders, double? rate, double? speedup)
    {
        var endpoints = EndpointsLoader.Load();
        var options = new KinesisSinkOptions { StreamName = stream ?? endpoints.Resources.Stream, Senders = senders, Rate = rate, Speedup = speedup };
        if (options.Problems() is { Count: > 0 } problems) throw new InvalidGeneratorConfigException(problems);
        using var client = KinesisClient.Create(endpoints);
        var expected = config.EventsPerDay * Math.Max(1, config.DayCount);
        KinesisSendSummary summary;
        try
        {
            KinesisEventSink? sink = null;
            summary = SinkProgress.Show($"sending to {options.StreamName}", expected,
                async () => (await KinesisGeneration.RunAsync(config, output, overwrite, TrackingPlanLoader.LoadEmbedded(), client, options, (s, _) => sink = s)).Summary,
                () => sink?.Stats.Sent ?? 0,
                (sent, perSecond) => $"{sent:N0} sent, {perSecond:N0} events/s, {sink?.Stats.Retried ?? 0:N0} retried");
        }
        catch (KinesisSendException e)
        {
            Console.Error.WriteLine($"generate: {e.Message}{(e.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : "")}");
            return 1;
        }
        Console.WriteLine($"kinesis {options.StreamName}: {summary} -> manifest in {Path.GetFullPath(output)}");
        return 0;
    }
}
