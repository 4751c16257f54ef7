using System.CommandLine;
using Sandbox.Cli.Running;
using Sandbox.ClickLog;
using Sandbox.Core.Endpoints;
using Sandbox.Core.Logging;
using Sandbox.Firehose;
using Sandbox.Firehose.Buffering;
using Sandbox.Shipper;
using Sandbox.Stack.Pipeline;

namespace Sandbox.Cli.Commands;

/// <summary>`sandbox run`: the pipeline's long-running boxes in one process — shipper, both Firehose delivery streams, the click-log mapping.</summary>
public static class RunCommand
{
    /// <summary>Longer than the consumers' lease failover (10 s): see PipelineHost.WaitUntilDrainedAsync.</summary>
    private static readonly TimeSpan DrainQuietPeriod = TimeSpan.FromSeconds(15);

    public static Command Build()
    {
        var from = new Option<string?>("--from") { Description = "App-server log folder to ship (the generator's --out); without it only the consumers run" };
        var once = new Option<bool>("--once") { Description = "Ship what is there, wait until every delivery stream has delivered it, then stop" };
        var state = new Option<string>("--state") { Description = "Shipper position file and disk buffer", DefaultValueFactory = _ => ".sandbox/shipper" };
        var bufferSeconds = new Option<int>("--buffer-seconds") { Description = "Firehose buffering interval (AWS default 300)", DefaultValueFactory = _ => 60 };
        var bufferMb = new Option<int>("--buffer-mb") { Description = "Firehose buffering size (AWS default 5)", DefaultValueFactory = _ => 5 };
        var command = new Command("run", "Run the shipper, the Firehose delivery streams and the click-log Lambda together (Ctrl+C stops; --once stops when drained)")
        {
            from, once, state, bufferSeconds, bufferMb,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(once) && parse.GetValue(from) is null) return Refuse("--once needs --from: there is nothing to drain otherwise");
            if (parse.GetValue(bufferSeconds) <= 0 || parse.GetValue(bufferMb) <= 0) return Refuse("--buffer-seconds and --buffer-mb must be positive");
            var endpoints = EndpointsLoader.Load();
            var hints = BufferingHints.FromAws(parse.GetValue(bufferMb), parse.GetValue(bufferSeconds));
            using var loggers = CliLogging.Create();
            var shipping = parse.GetValue(from) is { } logs
                ? new ShipperOptions
                {
                    SourceDirectory = Path.GetFullPath(logs),
                    StateDirectory = Path.GetFullPath(parse.GetValue(state)!),
                    StreamName = endpoints.Resources.Stream,
                    Once = parse.GetValue(once),
                }
                : null;
            await using var boxes = PipelineBoxes.Create(endpoints, new FirehoseOptions { ArchiveBuffering = hints, WarehouseBuffering = hints },
                new ClickLogOptions(), shipping, loggers);
            var host = boxes.Host(Console.Out);
            await host.StartAsync(cancellationToken);
            try
            {
                if (parse.GetValue(once))
                    await host.WaitUntilDrainedAsync(DrainQuietPeriod, TimeSpan.FromSeconds(10), cancellationToken,
                        view: Console.IsOutputRedirected ? null : ProgressBars.ShowAsync);
                else
                    await host.RunUntilCancelledAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
            finally
            {
                // Also when a box stopped on its own: the others still checkpoint and release their leases.
                await host.StopAsync();
            }
            return 0;
        });
        return command;
    }

    private static int Refuse(string problem)
    {
        Console.Error.WriteLine($"run: {problem}");
        return 2;
    }
}
