namespace Sandbox.Generator.Config;

/// <summary>Everything that decides the generated data. Same config + seed -> byte-identical output.</summary>
public sealed record GeneratorConfig
{
    public required DateOnly From { get; init; }
    /// <summary>Last simulated day, inclusive.</summary>
    public required DateOnly To { get; init; }
    /// <summary>Size of the user pool: users installed before the range plus those who install during it.</summary>
    public int Users { get; init; } = 100_000;
    /// <summary>Target number of events per day; the simulation calibrates session length to hit it.</summary>
    public long EventsPerDay { get; init; } = 1_000_000;
    public ulong Seed { get; init; } = 42;
    /// <summary>App servers writing logs; users stick to one server (load-balancer affinity).</summary>
    public int Servers { get; init; } = 4;
    public bool Gzip { get; init; }
    /// <summary>Also write the entity pools as dimensions/users|brands|products.jsonl.</summary>
    public bool WriteDimensions { get; init; }
    public BehaviourConfig Behaviour { get; init; } = new();
    public FaultConfig Faults { get; init; } = FaultConfig.None;

    public int DayCount => To.DayNumber - From.DayNumber + 1;
}

public sealed record BehaviourConfig
{
    /// <summary>Share of the user pool that installs during the range (the rest installed within two years before).</summary>
    public double NewUserShare { get; init; } = 0.25;
    public double SessionsPerActiveDay { get; init; } = 2.2;
    public RetentionTargets Retention { get; init; } = new();
    public PlatformMix Platforms { get; init; } = new();
    public string BaseAppVersion { get; init; } = "5.10.0";
    /// <summary>Releases inside the range; null means one release a fortnight starting in the first week.</summary>
    public IReadOnlyList<ReleaseDefinition>? Releases { get; init; }
    /// <summary>Mean days a user waits before updating to a new release (web updates at once).</summary>
    public double MeanUpdateLagDays { get; init; } = 3;
    public IReadOnlyList<FunnelDefinition> Funnels { get; init; } = FunnelDefinition.Defaults;
}

/// <summary>Target share of an install cohort active N days after installing.</summary>
public sealed record RetentionTargets(double Day1 = 0.40, double Day7 = 0.20, double Day30 = 0.12);

public sealed record PlatformMix(double Ios = 0.55, double Android = 0.40, double Web = 0.05);

/// <param name="Effect">What the release changes in users' behaviour; null: nothing (the default).</param>
public sealed record ReleaseDefinition(string Version, DateOnly Day, ReleaseEffect? Effect = null);

/// <summary>
/// A release that moves one funnel step for the users running it: the probability that
/// <paramref name="Step"/> follows the funnel's previous step changes by <paramref name="Change"/>
/// (probability points: -0.05 is a 5-point drop), e.g. a broken product page after a search.
/// </summary>
public sealed record ReleaseEffect(string Funnel, string Step, double Change);

/// <summary>
/// An ordered funnel. After a user does step k, the next action is step k+1 with
/// probability StepProbabilities[k] (otherwise normal behaviour goes on).
/// </summary>
public sealed record FunnelDefinition(string Name, IReadOnlyList<string> Steps, IReadOnlyList<double> StepProbabilities)
{
    public static readonly IReadOnlyList<FunnelDefinition> Defaults =
    [
        new("onboarding", ["app_install", "signup", "view_post", "like_post", "post_review"], [0.60, 0.85, 0.45, 0.10]),
        new("shopping", ["search", "view_product", "click_product_link"], [0.55, 0.30]),
    ];
}
