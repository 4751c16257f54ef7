using Sandbox.Console.Bench;

// sandbox-console-bench: the #14 console benchmarks on the running stack (make up), each against a
// baseline measured in the same run. Figures go to docs/BENCHMARKS.md (console section).
//   first-rows  time to the first grid row of a big result in chromium vs psql's first row (FETCH_COUNT)
//   memory      the editor page's JS heap after scrolling that result vs the page before any run
//   api         N concurrent API clients reading a cached result: p50/p99 vs a static file and raw PostgreSQL
//   cold-start  process start to the first 200 of /api/health vs an empty ASP.NET Core app
//   all         each of the above
//   empty-app --port N   (the cold-start baseline itself)
Options options;
try { options = Options.Parse(args); }
catch (ArgumentException bad) { await System.Console.Error.WriteLineAsync($"sandbox-console-bench: {bad.Message}"); return 2; }
if (options.Mode == "empty-app")
{
    await EmptyApp.RunAsync(options.Port);
    return 0;
}

var stack = Stack.Load();
System.Console.WriteLine($"sandbox-console-bench: {options.Mode} on {stack.ConsoleUrl}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
bool Selected(string mode) => options.Mode == "all" || options.Mode == mode;

if (Selected("first-rows"))
{
    await using var browser = new BrowserBench(stack, options.Rows, options.Rounds);
    var console = await browser.FirstRowsAsync();
    var psql = new PsqlFirstRow(stack.AnalystConnectionString, options.FetchCount);
    var baseline = new List<double>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        baseline.Add(await psql.FirstRowAsync(browser.Sql));
        System.Console.WriteLine($"first-rows: round {round}: psql (FETCH_COUNT={options.FetchCount}) first row after {baseline[^1]:F0} ms");
    }
    System.Console.WriteLine($"first-rows: {options.Rows:N0}-row result: median console {Stats.Median(console):F0} ms, psql {Stats.Median(baseline):F0} ms; " +
        $"ratio {Stats.Ratio(Stats.Median(console), Stats.Median(baseline))} (target: first rows within 1 s: {(Stats.Median(console) <= 1000 ? "met" : "NOT met")})");
}
if (Selected("memory"))
{
    await using var browser = new BrowserBench(stack, options.Rows, 1);
    await browser.MemoryAsync();
}
if (Selected("api")) await new ApiLoadBench(stack, options.Clients, options.Requests).RunAsync();
if (Selected("cold-start")) await new ColdStartBench(stack, options.ConsoleDll, options.Rounds).RunAsync();
System.Console.WriteLine($"sandbox-console-bench: done; load average {LoadAverage()}");
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

internal sealed record Options(string Mode, long Rows, int Rounds, int Clients, int Requests, int FetchCount, int Port, string ConsoleDll)
{
    private static readonly string[] Modes = ["all", "first-rows", "memory", "api", "cold-start", "empty-app"];

    public static Options Parse(string[] args)
    {
        var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var options = new Options("all", 1_000_000, 5, 50, 200, 1000, 0,
            Path.Combine(repo, "src/Sandbox.Console/bin/Release/net10.0/sandbox-console.dll"));
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() { var name = args[i]; var text = Value(); return int.TryParse(text, out var n) && n > 0 ? n : throw new ArgumentException($"{name} '{text}' is not a whole number > 0"); }
            options = args[i] switch
            {
                "--rows" => options with { Rows = Number() },
                "--rounds" => options with { Rounds = Number() },
                "--clients" => options with { Clients = Number() },
                "--requests" => options with { Requests = Number() },
                "--fetch-count" => options with { FetchCount = Number() },
                "--port" => options with { Port = Number() },
                "--console-dll" => options with { ConsoleDll = Value() },
                var mode when Modes.Contains(mode) => options with { Mode = mode },
                var other => throw new ArgumentException($"unknown argument '{other}' (modes: {string.Join(", ", Modes)}; options: --rows, --rounds, --clients, --requests, --fetch-count, --port, --console-dll)"),
            };
        }
        if (options.Mode != "empty-app" && !File.Exists(options.ConsoleDll) && options.Mode is "all" or "cold-start")
            throw new ArgumentException($"--console-dll {options.ConsoleDll} does not exist: build the console (make build)");
        return options;
    }
}
