using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.Digest;
using Sandbox.Digest.Data;
using Sandbox.Digest.Rendering;
using Sandbox.Slack.Capture.Hosting;
using Sandbox.Slack.Delivery;

// The digest of one warehouse day end to end (queries, message, PNG chart, upload and post to a Slack
// capture) against the same queries alone, in alternating rounds: the rendering and posting overhead as a
// ratio. Reads the stack's warehouse as the analyst role, like `sandbox digest`; load the day first.
var dateOption = new Option<string>("--date") { Description = "The UTC day to digest, yyyy-MM-dd", Required = true };
var roundsOption = new Option<int>("--rounds") { Description = "Timed rounds of each", DefaultValueFactory = _ => 5 };
// A day of tens of millions of events takes minutes a run on a loaded machine: --warmup false leaves the first
// round to warm up (it alternates, so the cold run is the first round's queries-alone one).
var warmupOption = new Option<bool>("--warmup") { Description = "One untimed run of each first", DefaultValueFactory = _ => true };
var root = new RootCommand("Digest build time vs its queries alone") { dateOption, roundsOption, warmupOption };
root.SetAction(async (parse, ct) =>
{
    var day = DateOnly.ParseExact(parse.GetValue(dateOption)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    var endpoints = EndpointsLoader.Load();
    await using var warehouse = NpgsqlDataSource.Create(endpoints.WarehouseAnalystConnectionString);
    var queries = new AnalyticsQueries(new WarehouseEngine(warehouse));
    var events = await queries.EventCountAsync(Sandbox.Analytics.Definitions.DateRange.Day(day), ct);
    if (events == 0)
    {
        Console.Error.WriteLine($"digest bench: no events on {day:yyyy-MM-dd} in the warehouse: load the day first");
        return 1;
    }
    var folder = Directory.CreateTempSubdirectory("sandbox-digest-bench-").FullName;
    await using var capture = await CaptureServer.StartAsync(new CaptureOptions(IPAddress.Loopback, 0, folder, "kpi-digest"), ct);
    using var http = new HttpClient();
    var poster = new SlackPoster(http, SlackDestination.Resolve(_ => null, capture.Url));
    var links = new DigestLinks(endpoints.ConsoleUrl);
    var funnels = DigestBuilder.DefaultFunnels(day);
    Console.WriteLine($"{events:N0} events on {day:yyyy-MM-dd}; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");

    var queriesAlone = new List<double>();
    var wholeDigest = new List<double>();
    var renderAndPost = new List<double>(); // the part of each whole digest after its queries, timed inside it
    async Task<double> Time(Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        return clock.Elapsed.TotalSeconds;
    }
    Task QueriesAlone() => DigestQueries.RunAsync(queries, day, funnels, ct);
    // What DigestRunner does (DigestBuilder.BuildAsync, then the post), with a clock after the queries.
    async Task WholeDigest()
    {
        var data = await DigestQueries.RunAsync(queries, day, funnels, ct);
        var clock = Stopwatch.StartNew();
        var digest = DigestBuilder.Render(data!, links);
        await poster.PostAsync(digest.Message, digest.Images, ct);
        renderAndPost.Add(clock.Elapsed.TotalSeconds);
    }

    if (parse.GetValue(warmupOption))
    {
        await QueriesAlone(); // warm-up: plans, caches and the JIT for both paths
        await WholeDigest();
        renderAndPost.Clear();
    }
    for (var round = 1; round <= parse.GetValue(roundsOption); round++)
    {
        // Alternate the order so neither always runs on a warmer (or busier) machine.
        if (round % 2 == 1)
        {
            queriesAlone.Add(await Time(QueriesAlone));
            wholeDigest.Add(await Time(WholeDigest));
        }
        else
        {
            wholeDigest.Add(await Time(WholeDigest));
            queriesAlone.Add(await Time(QueriesAlone));
        }
        Console.WriteLine($"round {round}: queries alone {queriesAlone[^1]:F2} s, whole digest {wholeDigest[^1]:F2} s (render + chart + upload + post {renderAndPost[^1] * 1000:F0} ms)");
    }
    double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
    var ratio = Median(wholeDigest) / Median(queriesAlone);
    Console.WriteLine($"median: queries alone {Median(queriesAlone):F2} s, whole digest {Median(wholeDigest):F2} s; ratio {ratio:F3}; " +
                      $"render + chart + upload + post {Median(renderAndPost) * 1000:F0} ms (min {renderAndPost.Min() * 1000:F0}, max {renderAndPost.Max() * 1000:F0}); " +
                      $"load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
    Console.WriteLine($"posted {capture.Store.History(SlackDestination.CaptureChannel).Count} digests to the bench's capture");
    Directory.Delete(folder, recursive: true);
    return 0;
});
return await root.Parse(args).InvokeAsync();
