using System.CommandLine;
using System.Globalization;
using Npgsql;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Reporting;
using Sandbox.Core.Endpoints;
using Sandbox.Generator.Truth;

namespace Sandbox.Analytics.Cli;

/// <summary>
/// Opens an engine over the lake's <c>events</c> holding at least <paramref name="eventDays"/> (UTC days of
/// event_time: fetch the partitions around them). Sandbox.Lake supplies it; disposed after use when disposable.
/// </summary>
public delegate Task<IAnalyticsEngine> AnalyticsEngineFactory(DateRange eventDays, CancellationToken cancellationToken);

/// <summary><c>sandbox report</c>: the daily KPI report from the warehouse (and the lake), as text and HTML with charts.</summary>
public static class ReportCommand
{
    public const string DefaultOutput = ".sandbox/reports";

    /// <param name="lake">The lake engine; null until Sandbox.Lake is wired, then --engine lake/all use it.</param>
    public static Command Build(AnalyticsEngineFactory? lake = null)
    {
        var date = new Option<string?>("--date", "-d") { Description = "Report one UTC day, yyyy-MM-dd" };
        var from = new Option<string?>("--from") { Description = "First day of a range, yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Last day of a range, inclusive (default: --from)" };
        var engine = new Option<string>("--engine") { Description = "warehouse, lake, or all (every engine available; figures from the first)", DefaultValueFactory = _ => "all" };
        var manifest = new Option<string?>("--manifest") { Description = "Generator manifest.json (or its folder): check counts against the truth; its days are the default range" };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the HTML report and charts", DefaultValueFactory = _ => DefaultOutput };
        var noHtml = new Option<bool>("--no-html") { Description = "Print only; write no HTML" };
        var command = new Command("report", "KPI report: DAU/WAU/MAU, funnels, day-1 retention, top searches; text plus HTML with charts")
        {
            date, from, to, engine, manifest, output, noHtml,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var truth = parse.GetValue(manifest) is { } path ? ReadManifest(path) : null;
                var range = Range(parse.GetValue(date), parse.GetValue(from), parse.GetValue(to), truth);
                var request = new ReportRequest(range, truth, parse.GetValue(noHtml) ? null : parse.GetValue(output));
                var outcome = await WithEnginesAsync(parse.GetValue(engine)!, lake, KpiReportBuilder.EventDays(range), engines => ReportRunner.RunAsync(request, engines, Console.Out, ct), ct);
                return outcome.Check.Consistent ? 0 : 1;
            }
            catch (ReportInputException e)
            {
                Console.Error.WriteLine($"report: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static DateRange Range(string? date, string? from, string? to, GenerationTruth? manifest)
    {
        if (date is not null && (from is not null || to is not null)) throw new ReportInputException("give --date or --from/--to, not both");
        if (date is not null) return DateRange.Day(Day(date, "--date"));
        if (from is not null)
        {
            var first = Day(from, "--from");
            var last = to is null ? first : Day(to, "--to");
            if (last < first) throw new ReportInputException($"--to {to} is before --from {from}");
            return new DateRange(first, last);
        }
        if (to is not null) throw new ReportInputException("--to needs --from");
        if (manifest is not null) return new DateRange(manifest.Config.From, manifest.Config.To);
        throw new ReportInputException("which days? give --date, --from/--to, or --manifest");
    }

    internal static GenerationTruth ReadManifest(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(path) && Path.GetFileName(path) != GenerationTruth.FileName)
            throw new ReportInputException($"--manifest '{path}' is neither a folder nor a {GenerationTruth.FileName}");
        var manifest = GenerationTruthFile.TryRead(folder) ?? throw new ReportInputException($"--manifest: no {GenerationTruth.FileName} in '{folder}'");
        if (manifest.Status != GenerationTruth.StatusComplete)
            throw new ReportInputException($"--manifest '{folder}': the generation is '{manifest.Status}', not complete: its counts are not the truth yet");
        return manifest;
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ReportInputException($"{option} '{text}' is not a date (yyyy-MM-dd)");

    private static async Task<T> WithEnginesAsync<T>(string choice, AnalyticsEngineFactory? lake, DateRange eventDays, Func<IReadOnlyList<IAnalyticsEngine>, Task<T>> run, CancellationToken ct)
    {
        if (choice is not ("warehouse" or "lake" or "all")) throw new ReportInputException($"--engine '{choice}': expected warehouse, lake or all");
        if (choice == "lake" && lake is null) throw new ReportInputException("--engine lake: the lake engine is not available in this build (Sandbox.Lake is not wired)");
        var engines = new List<IAnalyticsEngine>();
        await using var warehouse = NpgsqlDataSource.Create(EndpointsLoader.Load().WarehouseAnalystConnectionString);
        try
        {
            if (choice is "warehouse" or "all") engines.Add(new WarehouseEngine(warehouse));
            if (choice is "lake" or "all" && lake is not null) engines.Add(await lake(eventDays, ct));
            return await run(engines);
        }
        finally
        {
            foreach (var engine in engines.OfType<IAsyncDisposable>()) await engine.DisposeAsync();
        }
    }
}

/// <summary>A report option that cannot be used; the message names it.</summary>
public sealed class ReportInputException(string message) : Exception(message);
