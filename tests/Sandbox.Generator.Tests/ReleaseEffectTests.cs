using System.Security.Cryptography;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

/// <summary>A release that moves one funnel step for its users: configured, validated, simulated, recorded.</summary>
public class ReleaseEffectTests
{
    private static readonly TrackingPlan Plan = TrackingPlanLoader.LoadEmbedded();
    private static readonly DateOnly ReleaseDay = new(2026, 11, 2);

    private static GeneratorConfig WithRelease(ReleaseEffect? effect) => SmallConfigs.ThreeDays() with
    {
        Behaviour = new BehaviourConfig { Releases = [new ReleaseDefinition("5.11.0", ReleaseDay, effect)] },
    };

    [Fact]
    public void A_release_without_effect_writes_the_config_and_manifest_exactly_as_before_effects_existed()
    {
        var json = ConfigJson.Serialize(WithRelease(effect: null));
        Assert.DoesNotContain("effect", json);
        using var folder = new TempFolder();
        var (manifest, _) = FileGeneration.Run(WithRelease(effect: null), folder.Path, threads: 2, overwrite: false, Plan);
        Assert.All(manifest.AppVersions, v => Assert.Null(v.Effect));
        Assert.DoesNotContain("effect", File.ReadAllText(Path.Combine(folder.Path, GenerationTruth.FileName)));
    }

    [Fact]
    public void An_effect_of_zero_points_leaves_every_event_byte_identical()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(WithRelease(effect: null), folder.Sub("none"), threads: 2, overwrite: false, Plan);
        FileGeneration.Run(WithRelease(new ReleaseEffect("shopping", "view_product", 0)), folder.Sub("zero"), threads: 2, overwrite: false, Plan);
        Assert.Equal(LogDigests(folder.Sub("none")), LogDigests(folder.Sub("zero")));
    }

    [Fact]
    public void A_drop_lowers_the_step_for_users_on_the_release_and_the_manifest_records_it()
    {
        using var folder = new TempFolder();
        var (none, _) = FileGeneration.Run(WithRelease(effect: null), folder.Sub("none"), threads: 2, overwrite: false, Plan);
        var (dropped, _) = FileGeneration.Run(WithRelease(new ReleaseEffect("shopping", "view_product", -0.4)), folder.Sub("drop"), threads: 2, overwrite: false, Plan);

        Assert.Equal(new TruthReleaseEffect("shopping", "view_product", 0.55, 0.15), dropped.AppVersions.Single(v => v.Version == "5.11.0").Effect);
        // Before the release nobody runs it: the first day is the same; from the release day on, fewer reach the step.
        Assert.Equal(ShoppingSteps(none, new DateOnly(2026, 11, 1)), ShoppingSteps(dropped, new DateOnly(2026, 11, 1)));
        var before = ShoppingSteps(none, new DateOnly(2026, 11, 3));
        var after = ShoppingSteps(dropped, new DateOnly(2026, 11, 3));
        Assert.True((double)after[1] / after[0] < (double)before[1] / before[0] - 0.02,
            $"search -> view_product users: {after[1]}/{after[0]} with the drop, {before[1]}/{before[0]} without");
    }

    [Theory]
    [InlineData("checkout", "view_product", -0.05, "unknown funnel 'checkout'")]
    [InlineData("shopping", "search", -0.05, "'search' is not a step after the first of funnel 'shopping'")]
    [InlineData("shopping", "view_product", -0.6, "moves shopping step 'view_product' from 0.55 to")]
    public void A_bad_effect_is_named(string funnel, string step, double change, string expected)
    {
        var problems = GeneratorConfigValidator.Validate(WithRelease(new ReleaseEffect(funnel, step, change)), Plan);
        Assert.Contains(problems, p => p.StartsWith("behaviour.releases[5.11.0].effect: ") && p.Contains(expected));
    }

    private static IReadOnlyList<long> ShoppingSteps(GenerationTruth manifest, DateOnly day) => manifest.Days.Single(d => d.Date == day).Funnels["shopping"];

    private static SortedDictionary<string, string> LogDigests(string root) => new(
        Directory.EnumerateFiles(root, "*.log", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}
