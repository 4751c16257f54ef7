using System.CommandLine;
using Sandbox.Analytics.Cli;
using Sandbox.Analytics.Engines;
using Sandbox.Cli.Commands;
using Sandbox.Cli.Running;
using Sandbox.ClickLog.Cli;
using Sandbox.Core.Endpoints;
using Sandbox.Digest.Cli;
using Sandbox.Lessons.Cli;
using Sandbox.Load.Cli;
using Sandbox.Firehose.Cli;
using Sandbox.Generator.Cli;
using Sandbox.Generator.Sinks.Cli;
using Sandbox.Lake.Cli;
using Sandbox.Lake;
using Sandbox.ReleaseCheck.Cli;
using Sandbox.Scenarios.Steps.Cli;
using Sandbox.Shipper.Cli;
using Sandbox.Sync.Cli;
using Sandbox.Warehouse.Maintenance;
using Spectre.Console;

// A box started by `sandbox load` ends with it, however it ends (SIGKILL too).
ParentWatch.StartIfAsked(grace: TimeSpan.FromSeconds(30));

// Redirected output (CI logs, pipes) would otherwise wrap tables at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;

var root = new RootCommand("Sandbox: a local copy of the app analytics stack (Kinesis, Firehose, S3, DynamoDB, Redshift).")
{
    StatusCommand.Build(),
    BootstrapCommand.Build(),
    // In the event's order: generated, shipped, delivered, loaded.
    GenerateCommand.Build(),
    TrackingPlanCommand.Build(),
    ShipCommand.Build(),
    FirehoseCommand.Build(),
    WarehouseCommand.Build(),
    // The app database's tables beside the events (app.*).
    SyncCommand.Build(),
    ClicksCommand.Build(),
    ClickLogCommand.Build(),
    RunCommand.Build(),
    // The whole running stack under a production day's load.
    LoadCommand.Build(),
    // Reading it back: the lake, the report, the exports, the scenarios.
    AthenaCommand.Build(),
    ReportCommand.Build(lake: async (_, cancellationToken) =>
        new DuckDbEngine(await LakeSession.OpenAsync(EndpointsLoader.Load(), cancellationToken: cancellationToken), "lake", ownsConnection: true)),
    ReleaseCheckCommand.Build(),
    // The report as a Slack message every morning.
    DigestCommand.Build(),
    ExportCommand.Build(),
    VerifyCommand.Build(),
    // Learning SQL on all of the above.
    LearnCommand.Build(),
};
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        // Ctrl+C cancels the command's token; give it time to stop its processes and write what it has
        // (a load run's report) before the process is ended (System.CommandLine's default: 2 s).
        ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
    });
}
catch (Exception error) when (error is FormatException or InvalidOperationException or TimeoutException
                                 or Npgsql.NpgsqlException or HttpRequestException)
{
    // Bad settings and unreachable services are the user's to fix: say what, not where in our code.
    Console.Error.WriteLine($"sandbox: {error.Message}");
    return 2;
}
