using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>
/// Decides, per user and day, whether the user comes back and when their sessions start.
/// Each user-day draws from its own stream seeded by (seed, user, day): the plan does not depend
/// on how users are split across servers or threads.
/// </summary>
public sealed class DayPlanner(SimulationModel model, ServerUsers users)
{
    private const int MaxSessionsPerDay = 10;
    private readonly List<SessionStart> _starts = new(1024);
    private readonly long[] _userStarts = new long[MaxSessionsPerDay];

    public List<SessionStart> Plan(int day)
    {
        _starts.Clear();
        var dayStartMs = model.RangeStartMs + day * SimulationModel.DayMs;
        var extraSessions = model.Config.Behaviour.SessionsPerActiveDay - 1;
        for (var local = 0; local < users.Count; local++)
        {
            var user = users.Global[local];
            var p = model.ActiveProbability(user, day);
            if (p <= 0) continue;
            var rng = new Xoshiro256(Mix.Derive(model.Config.Seed, (ulong)user, (ulong)day));
            if (!rng.Chance(p)) continue;
            var sessions = Math.Min(MaxSessionsPerDay, 1 + rng.Geometric(extraSessions));
            for (var s = 0; s < sessions; s++) _userStarts[s] = dayStartMs + model.Diurnal.SampleMillisOfDay(ref rng);
            // Ordinal 0 is the earliest session: on the install day it is the one that installs.
            Array.Sort(_userStarts, 0, sessions);
            for (var s = 0; s < sessions; s++) _starts.Add(new SessionStart(_userStarts[s], local, s, rng.NextULong()));
        }
        _starts.Sort();
        return _starts;
    }
}
