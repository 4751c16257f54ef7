using Sandbox.ClickLog.Handler;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Load.Day;

namespace Sandbox.Load.Tests.Support;

/// <summary>
/// A day folder as `sandbox generate` leaves it, written by hand: one app log per listed hour of
/// 2026-11-02 with that many lines (every <see cref="ClickEvery"/>th a click) and a manifest whose
/// per-file lines are the truth. Deleted on dispose.
/// </summary>
public sealed class TinyDay : IDisposable
{
    public const int ClickEvery = 4;
    public static readonly DateTime Date = new(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc);

    private TinyDay(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>Lines per hour of the day (hour -> lines); hours not listed have no file.</summary>
    public static TinyDay Write(IReadOnlyDictionary<int, int> linesByHour)
    {
        var day = new TinyDay(Directory.CreateTempSubdirectory("load-tiny-day-").FullName);
        var files = new List<OutputFile>();
        long clicks = 0;
        foreach (var (hour, lines) in linesByHour.OrderBy(kv => kv.Key))
        {
            var start = Date.AddHours(hour);
            var path = $"server-1/app-{start:yyyyMMddHH}.log";
            var text = string.Concat(Enumerable.Range(0, lines).Select(i =>
            {
                var name = i % ClickEvery == 0 ? ClickEvent.EventName : "view_post";
                return $"{{\"event_id\":\"e-{hour}-{i}\",\"event_name\":\"{name}\",\"received_at\":\"{start.AddSeconds(i):yyyy-MM-ddTHH:mm:ss.fffZ}\"}}\n";
            }));
            Directory.CreateDirectory(Path.Combine(day.Folder, "server-1"));
            File.WriteAllText(Path.Combine(day.Folder, path), text);
            files.Add(new OutputFile(path, lines, text.Length));
            clicks += (lines + ClickEvery - 1) / ClickEvery;
        }
        GenerationTruthFile.Write(day.Folder, new GenerationTruth
        {
            Status = GenerationTruth.StatusComplete, Fingerprint = "tiny", Seed = 1, TrackingPlanVersion = "test", Sink = "files",
            Config = new GeneratorConfig { From = DateOnly.FromDateTime(Date), To = DateOnly.FromDateTime(Date) },
            Totals = new TruthTotals(files.Sum(f => f.Lines), files.Sum(f => f.Lines), files.Count, files.Sum(f => f.Bytes)),
            Files = files,
            Days = [new TruthDay(DateOnly.FromDateTime(Date), false, files.Sum(f => f.Lines), 1, 0,
                new Dictionary<string, long> { [ClickEvent.EventName] = clicks }, new Dictionary<string, IReadOnlyDictionary<string, long>>(), new Dictionary<string, IReadOnlyList<long>>())],
        });
        return day;
    }

    public LoadDay Open() => LoadDay.Open(Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
