using System.Text.Json;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

/// <summary>With every fault on, what a validator and a deduplicating reader find must equal the manifest.</summary>
public sealed class FaultInjectionTests : IClassFixture<FaultInjectionTests.FaultyRun>
{
    public sealed class FaultyRun : IDisposable
    {
        public FaultyRun()
        {
            var config = SmallConfigs.ThreeDays() with
            {
                Faults = FaultPresets.Parse("all") with { DuplicateRate = 0.01, LateRate = 0.01, MalformedRate = 0.005, ClockSkewRate = 0.05 },
            };
            (Manifest, _) = FileGeneration.Run(config, Folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
            Lines = OutputFiles.Lines(Folder.Path).ToList();
        }

        public TempFolder Folder { get; } = new();
        public GenerationTruth Manifest { get; }
        public List<string> Lines { get; }
        public void Dispose() => Folder.Dispose();
    }

    private readonly FaultyRun _run;
    private readonly EventValidator _validator = new(TrackingPlanLoader.LoadEmbedded());

    public FaultInjectionTests(FaultyRun run) => _run = run;

    [Fact]
    public void Every_fault_kind_was_injected_and_lines_add_up()
    {
        var f = _run.Manifest.Faults!;
        Assert.All(new[] { f.DuplicateLines, f.LateEvents, f.MalformedLines, f.SkewedUserDays, f.SkewedEvents, f.EventsMissingProperty, f.DroppedEvents },
            n => Assert.True(n > 0));
        Assert.Equal(_run.Manifest.Totals!.Events + f.DuplicateLines + f.MalformedLines, _run.Lines.Count);
    }

    [Fact]
    public void Validator_finds_exactly_the_malformed_lines_and_missing_properties()
    {
        var malformed = 0;
        var ids = new HashSet<string>();
        var missingShopUrl = 0;
        foreach (var line in _run.Lines)
        {
            var violations = _validator.Validate(line);
            if (violations.Any(v => v.Type == ViolationType.MalformedJson)) { malformed++; continue; }
            if (!ids.Add(JsonDocument.Parse(line).RootElement.GetProperty("event_id").GetString()!)) continue;
            var v = Assert.Single(violations.DefaultIfEmpty()) ?? null;
            if (v is null) continue;
            Assert.Equal((ViolationType.RequiredPropertyMissing, "$.properties.shop_url"), (v.Type, v.Path));
            missingShopUrl++;
        }
        Assert.Equal(_run.Manifest.Faults!.MalformedLines, malformed);
        Assert.Equal(_run.Manifest.Faults.EventsMissingProperty, missingShopUrl);
        Assert.Equal(_run.Manifest.Totals!.Events, ids.Count);
    }

    [Fact]
    public void Dropped_event_is_absent_from_the_buggy_release_and_late_events_arrive_late()
    {
        var firstRelease = _run.Manifest.AppVersions[1].Version;
        var late = 0;
        var skewed = 0;
        foreach (var line in _run.Lines.Where(l => _validator.Validate(l).All(v => v.Type != ViolationType.MalformedJson)))
        {
            var root = JsonDocument.Parse(line).RootElement;
            Assert.False(root.GetProperty("event_name").GetString() == "share" && root.GetProperty("app_version").GetString() == firstRelease);
            var delay = DateTime.Parse(root.GetProperty("received_at").GetString()!) - DateTime.Parse(root.GetProperty("event_time").GetString()!);
            if (delay >= TimeSpan.FromMinutes(2) && delay <= TimeSpan.FromHours(3) + TimeSpan.FromSeconds(6) || delay < TimeSpan.Zero) skewed++;
            if (delay >= TimeSpan.FromMinutes(10)) late++;
        }
        Assert.True(late >= _run.Manifest.Faults!.LateEvents, $"{late} late lines, manifest says {_run.Manifest.Faults.LateEvents}");
        Assert.True(skewed > 0);
    }
}
