using Sandbox.Generator.Config;

namespace Sandbox.Scenarios.Steps.Pipeline;

/// <summary>
/// The generator config a scenario's Given steps build up (days, users, releases, faults);
/// generated once, at the first step that needs the logs.
/// </summary>
public sealed class TrafficPlan
{
    /// <summary>Fixed so a scenario's data, and so its failures, are the same on every run.</summary>
    public const ulong DefaultSeed = 7;

    public GeneratorConfig? Config { get; private set; }

    public void Days(DateOnly from, DateOnly to, int users, long eventsPerDay)
    {
        if (users > 20_000 || eventsPerDay * (to.DayNumber - from.DayNumber + 1) > 100_000)
            throw new ArgumentException($"scenario traffic of {users} users and {eventsPerDay} events a day is too big: keep scenarios to a few thousand events so the suite stays fast");
        Config = new GeneratorConfig { From = from, To = to, Users = users, EventsPerDay = eventsPerDay, Seed = DefaultSeed, Servers = 2 };
    }

    public void Update(Func<GeneratorConfig, GeneratorConfig> change) =>
        Config = change(Config ?? throw new InvalidOperationException("say which traffic to generate first, e.g. 'Given app traffic of 300 users and 3000 events a day on 2026-11-30'"));

    public void Release(string version, DateOnly day) => Update(c => c with
    {
        Behaviour = c.Behaviour with { Releases = [.. c.Behaviour.Releases ?? [], new ReleaseDefinition(version, day)] },
    });

    public void Faults(string presets)
    {
        var parsed = FaultPresets.Parse(presets);
        Update(c => c with
        {
            Faults = c.Faults with
            {
                DuplicateRate = Math.Max(c.Faults.DuplicateRate, Boost(parsed.DuplicateRate)),
                LateRate = Math.Max(c.Faults.LateRate, Boost(parsed.LateRate)),
                MalformedRate = Math.Max(c.Faults.MalformedRate, Boost(parsed.MalformedRate)),
                ClockSkewRate = Math.Max(c.Faults.ClockSkewRate, parsed.ClockSkewRate),
                DropProperty = parsed.DropProperty ?? c.Faults.DropProperty,
                DropEvent = parsed.DropEvent ?? c.Faults.DropEvent,
            },
        });
    }

    // The CLI's default rates hit a handful of a million events; a scenario's few thousand need more to hit any.
    private static double Boost(double rate) => Math.Min(0.5, rate * 10);

    public void DropProperty(string version, string eventName, string property) =>
        Update(c => c with { Faults = c.Faults with { DropProperty = new PropertyDropFault(eventName, property, version) } });

    public void DropEvent(string version, string eventName) =>
        Update(c => c with { Faults = c.Faults with { DropEvent = new EventDropFault(eventName, version) } });
}
