using System.CommandLine;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.ReleaseCheck.Reporting;

namespace Sandbox.ReleaseCheck.Cli;

/// <summary><c>sandbox release-check --version V [--days N]</c>: did the release help or hurt? Reads the warehouse as the analyst.</summary>
public static class ReleaseCheckCommand
{
    public const int Flagged = 1;
    public const int BadInput = 2;

    public static Command Build()
    {
        var version = new Option<string>("--version") { Description = "The app version to check, e.g. 5.11.0 (required)" };
        // Not Required to the parser: its missing-option exit code is 1, which here means "worse"; the checker names it with exit 2.
        var days = new Option<int>("--days") { Description = "Days compared after (and before) the release day", DefaultValueFactory = _ => ReleaseChecker.DefaultDays };
        var command = new Command("release-check",
            "A release against the previous version (same days) and before/after its release day: each KPI and funnel step with confidence intervals and a verdict; exit 1 when any is worse")
        {
            version, days,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                // Named before the stack is looked for: a call without a version is wrong wherever it runs.
                if (string.IsNullOrWhiteSpace(parse.GetValue(version))) throw new ReleaseCheckException(ReleaseChecker.MissingVersion);
                await using var warehouse = NpgsqlDataSource.Create(EndpointsLoader.Load().WarehouseAnalystConnectionString);
                var report = await ReleaseChecker.RunAsync(new AnalyticsQueries(new WarehouseEngine(warehouse)), parse.GetValue(version) ?? "", parse.GetValue(days), ct);
                Console.Write(ReleaseText.Render(report));
                return report.Flagged ? Flagged : 0;
            }
            catch (ReleaseCheckException e)
            {
                Console.Error.WriteLine($"release-check: {e.Message}");
                return BadInput;
            }
        });
        return command;
    }
}
