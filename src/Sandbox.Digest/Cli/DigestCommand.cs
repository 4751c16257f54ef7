using System.CommandLine;
using System.Globalization;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.Digest.Rendering;
using Sandbox.Digest.Scheduling;
using Sandbox.Slack.Delivery;

namespace Sandbox.Digest.Cli;

/// <summary>
/// <c>sandbox digest [--date D] [--dry-run] [--schedule CRON [--time-zone Z]]</c>: the daily KPI digest to Slack,
/// read from the warehouse as the analyst role. Exit codes: 0 posted or printed, 1 no data for the day,
/// 2 bad input or settings, 4 Slack refused the post or did not answer.
/// </summary>
public static class DigestCommand
{
    public static Command Build()
    {
        var date = new Option<string?>("--date", "-d") { Description = "The UTC day to report, yyyy-MM-dd (default: yesterday in --time-zone)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the message's JSON instead of posting it" };
        var schedule = new Option<string?>("--schedule") { Description = "Post at each occurrence of this cron expression (e.g. \"0 9 * * *\") until Ctrl+C" };
        var zone = new Option<string>("--time-zone") { Description = "Time zone of --schedule and of the default day", DefaultValueFactory = _ => DigestSchedule.DefaultTimeZone };
        var command = new Command("digest", "Daily KPI digest to Slack: DAU/WAU/MAU, funnels, day-1 retention, top searches and products, a chart")
        {
            date, dryRun, schedule, zone,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var timeZone = parse.GetValue(zone)!;
                if (parse.GetValue(schedule) is { } cron)
                {
                    if (parse.GetValue(date) is not null) throw new FormatException("--schedule posts the day before each occurrence: give --date or --schedule, not both");
                    return await ScheduleAsync(DigestSchedule.Parse(cron, timeZone), parse.GetValue(dryRun), ct);
                }
                var day = parse.GetValue(date) is { } text ? Day(text) : Yesterday(timeZone);
                var outcome = await RunOnceAsync(day, parse.GetValue(dryRun), ct);
                return outcome.Status == DigestStatus.NoData ? 1 : 0;
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"digest: {e.Message}");
                return 2;
            }
            catch (SlackDeliveryException e)
            {
                Console.Error.WriteLine($"digest: {e.Message}");
                return 4;
            }
        });
        return command;
    }

    private static async Task<DigestOutcome> RunOnceAsync(DateOnly day, bool dryRun, CancellationToken ct)
    {
        var endpoints = EndpointsLoader.Load();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var poster = dryRun ? null : new SlackPoster(http, SlackDestination.FromEnvironment(), log: Console.Error.WriteLine);
        await using var warehouse = NpgsqlDataSource.Create(endpoints.WarehouseAnalystConnectionString);
        var queries = new AnalyticsQueries(new WarehouseEngine(warehouse));
        return await DigestRunner.RunAsync(queries, day, new DigestLinks(endpoints.ConsoleUrl), poster, Console.Out, ct);
    }

    private static async Task<int> ScheduleAsync(DigestSchedule schedule, bool dryRun, CancellationToken ct)
    {
        // Settings are checked now, not at the first occurrence hours later.
        if (!dryRun) Console.Error.WriteLine($"digest: posting to {SlackDestination.FromEnvironment().Describe()}");
        await schedule.RunAsync(async (day, token) => await RunOnceAsync(day, dryRun, token), Console.Error.WriteLine, TimeProvider.System, ct);
        Console.Error.WriteLine("digest: schedule stopped");
        return 0;
    }

    private static DateOnly Yesterday(string timeZone)
    {
        var zone = DigestSchedule.Parse("0 9 * * *", timeZone).Zone;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date).AddDays(-1);
    }

    private static DateOnly Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"--date '{text}' is not a date (yyyy-MM-dd)");
}
