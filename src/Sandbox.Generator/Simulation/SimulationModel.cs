using Sandbox.Generator.Config;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>Everything the per-server simulations share and only read: pools, curves, tables, calibration.</summary>
public sealed class SimulationModel
{
    public const long DayMs = 86_400_000;

    public SimulationModel(GeneratorConfig config, EntityPools pools)
    {
        Config = config;
        Pools = pools;
        RangeStartMs = config.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerMillisecond
            - DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerMillisecond;
        Retention = new RetentionCurve(config.Behaviour.Retention, config.DayCount + 800);
        Releases = new ReleaseSchedule(config);
        Funnels = config.Behaviour.Funnels
            .Select(f => new FunnelSteps(f.Name, f.Steps.Select(EventKinds.Parse).ToArray(), f.StepProbabilities.ToArray()))
            .ToArray();
        StepProbabilities = StepProbabilitiesByVersion(config, Funnels, Releases);
        ActionsPerSession = Calibrate();
    }

    public GeneratorConfig Config { get; }
    public EntityPools Pools { get; }
    public long RangeStartMs { get; }
    public RetentionCurve Retention { get; }
    public ReleaseSchedule Releases { get; }
    public DiurnalCurve Diurnal { get; } = new();
    public ActionTable Actions { get; } = new();
    public FunnelSteps[] Funnels { get; }
    /// <summary>[app version index][funnel][step]: the funnels' step probabilities as users of each version see them.</summary>
    public double[][][] StepProbabilities { get; }

    /// <summary>Mean free actions per session, per day, chosen so the day's total meets events_per_day.</summary>
    public double[] ActionsPerSession { get; }

    public WeightedTable InstallSources { get; } = new([50, 30, 10, 10]);
    public WeightedTable AccountMethods { get; } = new([15, 35, 20, 22, 8]);
    public WeightedTable SearchTypes { get; } = new([40, 50, 10]);
    public WeightedTable ShareChannels { get; } = new([45, 25, 15, 15]);
    public WeightedTable PushTypes { get; } = new([20, 35, 30, 15]);
    public WeightedTable Ratings { get; } = new([7, 8, 15, 30, 40]);

    /// <summary>Probability the user comes back on <paramref name="day"/> (1 on the install day).</summary>
    public double ActiveProbability(int user, int day)
    {
        var age = day - Pools.Users.InstallDay[user];
        if (age < 0) return 0;
        return age == 0 ? 1.0 : Math.Min(0.97, Retention.At(age) * Pools.Users.Engagement[user]);
    }

    /// <summary>Every version shares the configured probabilities except where its release has an effect.</summary>
    private static double[][][] StepProbabilitiesByVersion(GeneratorConfig config, FunnelSteps[] funnels, ReleaseSchedule schedule)
    {
        var configured = funnels.Select(f => f.StepProbabilities).ToArray();
        var byVersion = Enumerable.Repeat(configured, schedule.Versions.Count).ToArray();
        foreach (var release in Generator.Config.Releases.Resolve(config))
        {
            if (release.Effect is not { } effect) continue;
            var f = Array.FindIndex(funnels, x => x.Name == effect.Funnel);
            var step = Array.IndexOf(funnels[f].Steps, EventKinds.Parse(effect.Step)) - 1;
            var changed = configured.Select(p => p.ToArray()).ToArray();
            changed[f][step] += effect.Change;
            byVersion[schedule.VersionIndexOf(release.Version)] = changed;
        }
        return byVersion;
    }

    private double[] Calibrate()
    {
        // Expected active users per day, summed over (install day, engagement) groups rather than users:
        // a year of a 2M-user pool would otherwise cost ~730M evaluations before the first event.
        var users = Pools.Users;
        var groups = new Dictionary<(int InstallDay, float Engagement), long>();
        for (var u = 0; u < users.Count; u++)
        {
            var key = (users.InstallDay[u], users.Engagement[u]);
            groups[key] = groups.GetValueOrDefault(key) + 1;
        }
        var actions = new double[Config.DayCount];
        for (var day = 0; day < actions.Length; day++)
        {
            var expectedActive = 0.0;
            foreach (var ((installDay, engagement), count) in groups)
            {
                var age = day - installDay;
                if (age >= 0) expectedActive += count * (age == 0 ? 1.0 : Math.Min(0.97, Retention.At(age) * engagement));
            }
            var sessions = Math.Max(1.0, expectedActive * Config.Behaviour.SessionsPerActiveDay);
            // app_open plus the occasional push_open/login/install ride on top of the free actions.
            const double OverheadPerSession = 1.35;
            actions[day] = Math.Clamp(Config.EventsPerDay / sessions - OverheadPerSession, 0.2, 5_000);
        }
        return actions;
    }
}

/// <summary>A funnel compiled to event kinds, with a kind -> step lookup for the hot path.</summary>
public sealed record FunnelSteps(string Name, EventKind[] Steps, double[] StepProbabilities)
{
    private readonly int[] _stepOf = Enumerable.Range(0, EventKinds.Count).Select(k => Array.IndexOf(Steps, (EventKind)k)).ToArray();

    /// <summary>Zero-based step of the event in this funnel, or -1.</summary>
    public int StepOf(EventKind kind) => _stepOf[(int)kind];
}
