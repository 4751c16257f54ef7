using System.Text.Json;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Truth;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

/// <summary>One clean run (faults off), checked against the tracking plan and its own manifest.</summary>
public sealed class GeneratedOutputTests : IClassFixture<GeneratedOutputTests.CleanRun>
{
    public sealed class CleanRun : IDisposable
    {
        public CleanRun()
        {
            (Manifest, _) = FileGeneration.Run(SmallConfigs.ThreeDays(), Folder.Path, threads: 2, overwrite: false, TrackingPlanLoader.LoadEmbedded());
            Lines = OutputFiles.Lines(Folder.Path).ToList();
        }

        public TempFolder Folder { get; } = new();
        public GenerationTruth Manifest { get; }
        public List<string> Lines { get; }
        public void Dispose() => Folder.Dispose();
    }

    private readonly CleanRun _run;

    public GeneratedOutputTests(CleanRun run) => _run = run;

    [Fact]
    public void Every_line_follows_the_tracking_plan()
    {
        var validator = new EventValidator(TrackingPlanLoader.LoadEmbedded());
        var violations = new List<Violation>();
        foreach (var line in _run.Lines) validator.Validate(System.Text.Encoding.UTF8.GetBytes(line), violations);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(10)));
    }

    [Fact]
    public void Manifest_counts_match_the_lines_per_event_and_hour()
    {
        var counted = new Dictionary<(string Day, string Hour, string Name), long>();
        foreach (var line in _run.Lines)
        {
            using var doc = JsonDocument.Parse(line);
            var time = doc.RootElement.GetProperty("event_time").GetString()!;
            var key = (time[..10], time[11..13], doc.RootElement.GetProperty("event_name").GetString()!);
            counted[key] = counted.GetValueOrDefault(key) + 1;
        }
        var expected = _run.Manifest.Days
            .SelectMany(d => d.EventsByHour.SelectMany(h => h.Value.Select(n => ((d.Date.ToString("yyyy-MM-dd"), h.Key, n.Key), n.Value))))
            .ToDictionary(x => x.Item1, x => x.Value);
        Assert.Equal(expected.OrderBy(x => x.Key).ToList(), counted.OrderBy(x => x.Key).ToList());
        Assert.Equal(_run.Manifest.Totals!.Events, _run.Lines.Count);
        Assert.Equal(_run.Manifest.Totals.Lines, _run.Lines.Count);
    }

    [Fact]
    public void Event_ids_are_unique_and_distinct_users_match_the_manifest()
    {
        var ids = new HashSet<string>();
        var usersByDay = new Dictionary<string, HashSet<string>>();
        foreach (var line in _run.Lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.True(ids.Add(doc.RootElement.GetProperty("event_id").GetString()!));
            var day = doc.RootElement.GetProperty("event_time").GetString()![..10];
            (usersByDay.TryGetValue(day, out var set) ? set : usersByDay[day] = []).Add(doc.RootElement.GetProperty("anonymous_id").GetString()!);
        }
        foreach (var day in _run.Manifest.Days)
            Assert.Equal(day.DistinctUsers, usersByDay.GetValueOrDefault(day.Date.ToString("yyyy-MM-dd"))?.Count ?? 0);
    }

    [Fact]
    public void Files_are_hourly_per_server_and_in_received_order()
    {
        Assert.Equal(_run.Manifest.Files.Count, OutputFiles.Logs(_run.Folder.Path).Count());
        foreach (var file in _run.Manifest.Files)
        {
            Assert.Matches(@"^app-\d\d/app-\d{10}\.log$", file.Path);
            var hour = file.Path[11..21];
            string? previous = null;
            foreach (var line in File.ReadLines(Path.Combine(_run.Folder.Path, file.Path)))
            {
                var received = JsonDocument.Parse(line).RootElement.GetProperty("received_at").GetString()!;
                Assert.Equal(hour, received[..13].Replace("-", "").Replace("T", ""));
                Assert.True(previous is null || string.CompareOrdinal(previous, received) <= 0, $"{file.Path}: {received} after {previous}");
                previous = received;
            }
        }
    }

    [Fact]
    public void Behaviour_shows_funnels_retention_and_an_evening_peak()
    {
        var day = _run.Manifest.Days[1];
        foreach (var (name, steps) in day.Funnels)
        {
            Assert.True(steps[0] > 0, $"{name} has no first step");
            for (var i = 1; i < steps.Count; i++) Assert.True(steps[i] <= steps[i - 1], $"{name} grows at step {i}");
        }
        var cohort = _run.Manifest.Retention[0];
        Assert.InRange(cohort.Day1Rate!.Value, 0.2, 0.7);
        long Hour(string h) => day.EventsByHour.TryGetValue(h, out var c) ? c.Values.Sum() : 0;
        // 21 JST = 12 UTC is busier than 04 JST = 19 UTC.
        Assert.True(Hour("12") > 3 * Hour("19"), $"evening {Hour("12")} vs night {Hour("19")}");
        Assert.InRange(day.Events, 7_000, 13_000);
    }
}
