using Sandbox.Load.Monitoring;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sandbox.Load.Cli;

/// <summary>Where a run shows itself: a line now and then, a point per interval, the current state every second.</summary>
public interface ILoadView
{
    void Say(string line);
    void Point(LoadPoint point, LoadRun run);
    void Update(LoadRun run);
}

/// <summary>Redirected output (CI logs, files): one plain line per point, nothing in between.</summary>
public sealed class PlainLoadView(TextWriter output) : ILoadView
{
    public void Say(string line) => output.WriteLine(line);

    public void Point(LoadPoint point, LoadRun run) => output.WriteLine(LoadViewText.Line(point, run));

    public void Update(LoadRun run) { }
}

/// <summary>A terminal: a table redrawn every second (Spectre.Console live display), point lines kept above it.</summary>
public sealed class LiveLoadView : ILoadView, IDisposable
{
    private readonly List<string> _lines = [];
    private LiveDisplayContext? _context;
    private readonly TaskCompletionSource _done = new();
    private readonly Task _display;

    public LiveLoadView()
    {
        var ready = new TaskCompletionSource();
        _display = AnsiConsole.Live(new Text("load: starting")).AutoClear(false).StartAsync(async context =>
        {
            _context = context;
            ready.SetResult();
            await _done.Task;
        });
        ready.Task.Wait();
    }

    public void Say(string line)
    {
        lock (_lines) _lines.Add(line);
        Refresh(null);
    }

    public void Point(LoadPoint point, LoadRun run)
    {
        lock (_lines) _lines.Add(LoadViewText.Line(point, run));
    }

    public void Update(LoadRun run) => Refresh(run);

    private void Refresh(LoadRun? run)
    {
        IRenderable[] recent;
        lock (_lines) recent = _lines.TakeLast(8).Select(l => (IRenderable)new Text(l)).ToArray();
        _context?.UpdateTarget(run is null ? new Rows(recent) : new Rows([.. recent, LoadViewText.Table(run)]));
    }

    public void Dispose()
    {
        _done.TrySetResult();
        _display.Wait();
    }
}

/// <summary>The words and the table both views use.</summary>
public static class LoadViewText
{
    public static string Line(LoadPoint p, LoadRun run) =>
        $"load: {TimeSpan.FromSeconds(p.AtSeconds):hh\\:mm\\:ss} in {(p.InputPerSecond is { } i ? $"{i:N0}/s" : "all")}, put {p.PutRecordsPerSecond:N0}/s"
        + $"{(p.Throttled is { } t ? $" ({t:N0} throttled)" : "")}, backlog {p.ShipperBacklog:N0}, "
        + $"age {string.Join(" ", p.IteratorAgeMs.Keys.Select(c => $"{c} {p.MaxIteratorAgeMs(c) / 1000.0:0.#}s"))}, "
        + $"latency {string.Join(" ", p.Latency.Select(kv => $"{kv.Key} {kv.Value}"))}, warehouse {p.WarehouseRows:N0}/{run.Day.Events:N0}, "
        + $"rss {string.Join(" ", p.Processes.Select(kv => $"{kv.Key} {kv.Value.RssMb:N0}M/{kv.Value.CpuPercent:N0}%"))}";

    public static Table Table(LoadRun run)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn("now");
        var last = run.Points.Count > 0 ? run.Points[^1] : null;
        table.AddRow("elapsed", $"{run.Elapsed:hh\\:mm\\:ss}");
        table.AddRow("input (lines in app logs)", $"{run.Input:N0} of {run.Day.Lines:N0}");
        table.AddRow("shipped (PutRecords stored)", $"{run.Shipped:N0}{(run.Throttled is { } t ? $", {t:N0} throttled" : "")}");
        table.AddRow("shipper backlog", $"{Math.Max(0, run.Input - run.Shipped):N0}");
        foreach (var (consumer, shards) in run.IteratorAges)
            table.AddRow($"iterator age {consumer}", string.Join(" ", shards.OrderBy(s => s.Key).Select(s => $"{s.Value / 1000.0:0.#}s")));
        table.AddRow("warehouse rows", $"{run.WarehouseRows:N0} of {run.Day.Events:N0}");
        table.AddRow("archive records", $"{run.ArchiveRecords:N0}");
        if (last is not null)
        {
            table.AddRow("latency p50/p99 (last point)", string.Join("  ", last.Latency.Select(kv => $"{kv.Key} {kv.Value}")));
            foreach (var (process, reading) in last.Processes) table.AddRow($"{process}", $"{reading.RssMb:N0} MB, {reading.CpuPercent:N0}% CPU");
        }
        return table;
    }
}

/// <summary>Lines written to a view (for code that takes a TextWriter).</summary>
public sealed class ViewWriter(ILoadView view) : StringWriter
{
    public override void WriteLine(string? value) => view.Say(value ?? "");
}
