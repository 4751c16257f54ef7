using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

public class ConfigValidationTests
{
    private static readonly TrackingPlan Plan = TrackingPlanLoader.LoadEmbedded();

    [Fact]
    public void The_default_small_config_is_valid()
    {
        Assert.Empty(GeneratorConfigValidator.Validate(SmallConfigs.ThreeDays(), Plan));
        Assert.Empty(GeneratorConfigValidator.Validate(SmallConfigs.ThreeDays() with { Faults = FaultPresets.Parse("all") }, Plan));
    }

    [Fact]
    public void Negative_users_reversed_dates_and_unknown_funnel_events_are_all_reported()
    {
        var config = SmallConfigs.ThreeDays() with
        {
            Users = -5,
            From = new DateOnly(2026, 11, 10),
            Behaviour = new BehaviourConfig
            {
                Funnels = [new FunnelDefinition("checkout", ["view_product", "add_to_cart"], [0.5])],
            },
        };
        var problems = GeneratorConfigValidator.Validate(config, Plan);
        Assert.Contains(problems, p => p.Contains("users: -5"));
        Assert.Contains(problems, p => p.Contains("--from 2026-11-10 is after --to 2026-11-03"));
        Assert.Contains(problems, p => p.Contains("funnel 'checkout': unknown event 'add_to_cart'"));
    }

    [Theory]
    [InlineData("events", "events per day: 0 must be between 1 and 2,000,000,000")]
    [InlineData("servers", "servers: 0 must be between 1 and 64")]
    [InlineData("probabilities", "2 steps need 1 step probabilities, got 2")]
    [InlineData("retention", "day1 >= day7 >= day30 expected")]
    [InlineData("drop", "'position' is not a required property of view_post")]
    [InlineData("release", "is outside 2026-11-01..2026-11-03")]
    [InlineData("rate", "faults.late_rate: 2 must be within [0, 0.5]")]
    public void Each_rule_names_the_input_and_the_problem(string broken, string expected)
    {
        var c = SmallConfigs.ThreeDays();
        c = broken switch
        {
            "events" => c with { EventsPerDay = 0 },
            "servers" => c with { Servers = 0 },
            "probabilities" => c with { Behaviour = new() { Funnels = [new("f", ["search", "view_product"], [0.5, 0.5])] } },
            "retention" => c with { Behaviour = new() { Retention = new(0.2, 0.4, 0.1) } },
            "drop" => c with { Faults = new() { DropProperty = new("view_post", "position") } },
            "release" => c with { Behaviour = new() { Releases = [new("6.0.0", new DateOnly(2026, 12, 24))] } },
            "rate" => c with { Faults = new() { LateRate = 2 } },
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };
        Assert.Contains(GeneratorConfigValidator.Validate(c, Plan), p => p.Contains(expected));
    }

    [Fact]
    public void A_drop_fault_needs_a_release_in_the_range()
    {
        var c = SmallConfigs.ThreeDays() with { Behaviour = new() { Releases = [] }, Faults = FaultPresets.Parse("drop-event") };
        Assert.Contains(GeneratorConfigValidator.Validate(c, Plan), p => p.Contains("needs a release inside the date range"));
    }

    [Fact]
    public void Invalid_config_fails_before_anything_is_written()
    {
        using var folder = new TempFolder();
        var output = folder.Sub("out");
        var error = Assert.Throws<InvalidGeneratorConfigException>(() =>
            FileGeneration.Run(SmallConfigs.ThreeDays() with { Users = -1 }, output, 1, false, Plan));
        Assert.Contains("users: -1", error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Unknown_fault_names_and_config_file_keys_are_rejected()
    {
        Assert.Contains("unknown fault 'typos'", Assert.Throws<InvalidGeneratorConfigException>(() => FaultPresets.Parse("late,typos")).Message);
        using var folder = new TempFolder();
        var path = folder.Sub("config.json");
        File.WriteAllText(path, """{ "from": "2026-11-01", "to": "2026-11-02", "userz": 10 }""");
        var error = Assert.Throws<InvalidGeneratorConfigException>(() => ConfigJson.Load(path));
        Assert.Contains("userz", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Config_file_round_trips_through_json()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("config.json");
        var config = SmallConfigs.ThreeDays() with { Faults = FaultPresets.Parse("late,drop-property") };
        File.WriteAllText(path, ConfigJson.Serialize(config));
        Assert.Equal(ConfigJson.Serialize(config), ConfigJson.Serialize(ConfigJson.Load(path)));
    }
}
