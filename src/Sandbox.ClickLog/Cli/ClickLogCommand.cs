using System.CommandLine;
using Sandbox.Core.Endpoints;
using Sandbox.Core.Logging;
using Sandbox.Core.Pipeline;

namespace Sandbox.ClickLog.Cli;

/// <summary>`sandbox clicklog run`: the click-log Lambda's event source mapping alone, until Ctrl+C (`sandbox run` hosts it with the rest).</summary>
public static class ClickLogCommand
{
    public static Command Build() => new("clicklog", "The click-log Lambda: Kinesis event source mapping -> DynamoDB click_logs") { BuildRun() };

    private static Command BuildRun()
    {
        var batchSize = new Option<int>("--batch-size") { Description = "Records per invocation (1-10000)", DefaultValueFactory = _ => 100 };
        var window = new Option<double>("--batching-window") { Description = "Maximum batching window in seconds (0-300)", DefaultValueFactory = _ => 1 };
        var retries = new Option<int>("--max-retries") { Description = "Maximum retry attempts (-1 = until the records expire)", DefaultValueFactory = _ => 2 };
        var command = new Command("run", "Run the mapping until Ctrl+C") { batchSize, window, retries };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ClickLogOptions
            {
                BatchSize = parse.GetValue(batchSize),
                MaximumBatchingWindow = TimeSpan.FromSeconds(parse.GetValue(window)),
                MaximumRetryAttempts = parse.GetValue(retries),
            };
            using var loggers = CliLogging.Create();
            await using var mapping = ClickLogMapping.Create(EndpointsLoader.Load(), options, loggers);
            await mapping.Worker.StartAsync(cancellationToken);
            await mapping.Worker.Ready;
            Console.WriteLine($"clicklog: {mapping.Worker.Name} polling {mapping.Worker.Options.StreamName}; Ctrl+C stops");
            var stopped = await WorkerSupervision.WaitUntilCancelledOrStoppedAsync([mapping.Worker], cancellationToken);
            await mapping.Worker.StopAsync(CancellationToken.None);
            Console.WriteLine($"clicklog: stopped: {mapping.Worker.Metrics}; {mapping.Function.Written} click items written");
            if (stopped is null) return 0;
            Console.Error.WriteLine($"clicklog: {stopped.Name} stopped on its own: {WorkerSupervision.Why(stopped)}");
            return 1;
        });
        return command;
    }
}
