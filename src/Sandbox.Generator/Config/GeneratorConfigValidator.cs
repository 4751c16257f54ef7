using System.Text.RegularExpressions;
using Sandbox.Core.TrackingPlan;
using Plan = Sandbox.Core.TrackingPlan.TrackingPlan;

namespace Sandbox.Generator.Config;

/// <summary>Collects every problem of a config at once, so a user fixes them in one go.</summary>
public static partial class GeneratorConfigValidator
{
    public const int MaxDays = 366;
    public const int MaxUsers = 50_000_000;
    public const int MaxServers = 64;
    public const long MaxEventsPerDay = 2_000_000_000;

    public static void EnsureValid(GeneratorConfig config, Plan plan)
    {
        var problems = Validate(config, plan);
        if (problems.Count > 0) throw new InvalidGeneratorConfigException(problems);
    }

    public static List<string> Validate(GeneratorConfig config, Plan plan)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem) { if (!ok) problems.Add(problem); }

        Require(config.From <= config.To, $"dates: --from {config.From:yyyy-MM-dd} is after --to {config.To:yyyy-MM-dd}");
        Require(config.From > config.To || config.DayCount <= MaxDays, $"dates: {config.DayCount} days requested, at most {MaxDays}");
        Require(config.Users is > 0 and <= MaxUsers, $"users: {config.Users} must be between 1 and {MaxUsers:N0}");
        Require(config.EventsPerDay is > 0 and <= MaxEventsPerDay, $"events per day: {config.EventsPerDay} must be between 1 and {MaxEventsPerDay:N0}");
        Require(config.Servers is > 0 and <= MaxServers, $"servers: {config.Servers} must be between 1 and {MaxServers}");
        ValidateBehaviour(config.Behaviour, config, plan, Require);
        ValidateFaults(config, plan, Require);
        return problems;
    }

    private static void ValidateBehaviour(BehaviourConfig b, GeneratorConfig config, Plan plan, Action<bool, string> require)
    {
        require(b.NewUserShare is >= 0 and <= 1, $"behaviour.new_user_share: {b.NewUserShare} must be within [0, 1]");
        require(b.SessionsPerActiveDay is >= 1 and <= 20, $"behaviour.sessions_per_active_day: {b.SessionsPerActiveDay} must be within [1, 20]");
        require(b.MeanUpdateLagDays is >= 0 and <= 60, $"behaviour.mean_update_lag_days: {b.MeanUpdateLagDays} must be within [0, 60]");
        var r = b.Retention;
        require(r.Day1 is > 0 and <= 1 && r.Day7 is > 0 and <= 1 && r.Day30 is > 0 and <= 1,
            $"behaviour.retention: day1/day7/day30 ({r.Day1}, {r.Day7}, {r.Day30}) must be within (0, 1]");
        require(r.Day1 >= r.Day7 && r.Day7 >= r.Day30, $"behaviour.retention: day1 >= day7 >= day30 expected, got {r.Day1}, {r.Day7}, {r.Day30}");
        var p = b.Platforms;
        require(p.Ios >= 0 && p.Android >= 0 && p.Web >= 0 && p.Ios + p.Android + p.Web > 0,
            $"behaviour.platforms: weights ({p.Ios}, {p.Android}, {p.Web}) must be non-negative and not all zero");
        require(SemVer().IsMatch(b.BaseAppVersion), $"behaviour.base_app_version: '{b.BaseAppVersion}' is not MAJOR.MINOR.PATCH");
        ValidateReleases(b, config, require);
        foreach (var funnel in b.Funnels) ValidateFunnel(funnel, plan, require);
        require(b.Funnels.Select(f => f.Name).Distinct().Count() == b.Funnels.Count, "behaviour.funnels: funnel names must be unique");
        require(b.Funnels.Count <= 8, $"behaviour.funnels: {b.Funnels.Count} funnels, at most 8");
    }

    private static void ValidateReleases(BehaviourConfig b, GeneratorConfig config, Action<bool, string> require)
    {
        if (b.Releases is null) return;
        var previous = b.BaseAppVersion;
        DateOnly? previousDay = null;
        foreach (var release in b.Releases)
        {
            var where = $"behaviour.releases[{release.Version}]";
            require(SemVer().IsMatch(release.Version), $"{where}: version is not MAJOR.MINOR.PATCH");
            require(release.Day >= config.From && release.Day <= config.To,
                $"{where}: day {release.Day:yyyy-MM-dd} is outside {config.From:yyyy-MM-dd}..{config.To:yyyy-MM-dd}");
            require(previousDay is null || release.Day > previousDay, $"{where}: releases must be in increasing day order");
            require(release.Version != previous, $"{where}: version repeats the previous one");
            if (release.Effect is { } effect) ValidateEffect(effect, b.Funnels, where, require);
            previous = release.Version;
            previousDay = release.Day;
        }
    }

    private static void ValidateEffect(ReleaseEffect effect, IReadOnlyList<FunnelDefinition> funnels, string where, Action<bool, string> require)
    {
        where += ".effect";
        var funnel = funnels.FirstOrDefault(f => f.Name == effect.Funnel);
        if (funnel is null)
        {
            require(false, $"{where}: unknown funnel '{effect.Funnel}' (funnels: {string.Join(", ", funnels.Select(f => f.Name))})");
            return;
        }
        var step = funnel.Steps.ToList().IndexOf(effect.Step);
        require(step >= 1, $"{where}: '{effect.Step}' is not a step after the first of funnel '{funnel.Name}' ({string.Join(", ", funnel.Steps.Skip(1))})");
        if (step < 1 || step > funnel.StepProbabilities.Count) return;
        var changed = funnel.StepProbabilities[step - 1] + effect.Change;
        require(changed is >= 0 and <= 1,
            $"{where}: change {effect.Change} moves {funnel.Name} step '{effect.Step}' from {funnel.StepProbabilities[step - 1]} to {changed}, outside [0, 1]");
    }

    private static void ValidateFunnel(FunnelDefinition funnel, Plan plan, Action<bool, string> require)
    {
        var where = $"funnel '{funnel.Name}'";
        require(funnel.Steps.Count >= 2, $"{where}: needs at least two steps");
        foreach (var step in funnel.Steps.Where(s => !plan.IsPlanned(s)))
            require(false, $"{where}: unknown event '{step}' (not in tracking plan {plan.Version})");
        require(funnel.StepProbabilities.Count == Math.Max(0, funnel.Steps.Count - 1),
            $"{where}: {funnel.Steps.Count} steps need {funnel.Steps.Count - 1} step probabilities, got {funnel.StepProbabilities.Count}");
        require(funnel.StepProbabilities.All(x => x is >= 0 and <= 1), $"{where}: step probabilities must be within [0, 1]");
        require(funnel.Steps.Distinct().Count() == funnel.Steps.Count, $"{where}: a step repeats");
    }

    private static void ValidateFaults(GeneratorConfig config, Plan plan, Action<bool, string> require)
    {
        var f = config.Faults;
        foreach (var (name, rate) in new[] { ("duplicate_rate", f.DuplicateRate), ("late_rate", f.LateRate),
                     ("malformed_rate", f.MalformedRate), ("clock_skew_rate", f.ClockSkewRate) })
            require(rate is >= 0 and <= 0.5, $"faults.{name}: {rate} must be within [0, 0.5]");

        var versions = Releases.Resolve(config).Select(r => r.Version).ToList();
        if (f.DropProperty is { } dp)
        {
            var e = plan.FindEvent(dp.Event);
            require(e is not null, $"faults.drop_property: unknown event '{dp.Event}'");
            require(e is null || e.FindProperty(dp.Property) is { Required: true },
                $"faults.drop_property: '{dp.Property}' is not a required property of {dp.Event}");
            RequireRelease("faults.drop_property", dp.Version, versions, require);
        }
        if (f.DropEvent is { } de)
        {
            require(plan.IsPlanned(de.Event), $"faults.drop_event: unknown event '{de.Event}'");
            require(de.Event is not ("app_open" or "app_install"), "faults.drop_event: app_open and app_install start sessions and cannot be dropped");
            RequireRelease("faults.drop_event", de.Version, versions, require);
        }
    }

    private static void RequireRelease(string where, string? version, List<string> versions, Action<bool, string> require)
    {
        if (version is null) require(versions.Count > 0, $"{where}: needs a release inside the date range, and there is none");
        else require(versions.Contains(version), $"{where}: version {version} is not released in the date range ({string.Join(", ", versions)})");
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();
}
