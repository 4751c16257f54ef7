using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Kinesis;
using Spectre.Console;

namespace Sandbox.Generator.Output.Kinesis;

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
        KinesisSendSummary? summary = null;
        try
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"sending to {options.StreamName}", maxValue: expected);
                    KinesisEventSink? sink = null;
                    var started = DateTime.UtcNow;
                    var work = KinesisGeneration.RunAsync(config, output, overwrite, TrackingPlanLoader.LoadEmbedded(), client, options, (s, _) => sink = s);
                    while (!work.IsCompleted)
                    {
                        Thread.Sleep(250);
                        var sent = sink?.Stats.Sent ?? 0;
                        task.Value = Math.Min(sent, expected);
                        task.Description = $"{sent:N0} sent, {sent / Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds):N0} events/s, {sink?.Stats.Retried ?? 0:N0} retried";
                    }
                    summary = work.GetAwaiter().GetResult().Summary;
                    task.Value = expected;
                });
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
