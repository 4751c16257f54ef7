namespace Sandbox.Generator.Simulation;

/// <summary>
/// What really happened, counted as events are generated (by true event time, UTC days and hours):
/// events per name per hour, distinct active users per day, ordered same-day funnel steps and
/// install-cohort retention. One per server; merged by summing.
/// </summary>
public sealed class GroundTruth
{
    private readonly SimulationModel _model;
    private readonly int _days;
    private readonly int _kinds = EventKinds.Count;
    private readonly int _maxSteps;
    // Per user, one struct (one cache line touched per event) instead of an array per funnel.
    private readonly UserProgress[] _progress;
    private readonly int[]? _globalOf;

    public GroundTruth(SimulationModel model, ServerUsers? users)
    {
        _model = model;
        _days = model.Config.DayCount;
        // One extra day catches sessions that run past the last midnight.
        var buckets = _days + 1;
        _maxSteps = model.Funnels.Length == 0 ? 1 : model.Funnels.Max(f => f.Steps.Length);
        EventsByHour = new long[buckets * 24 * _kinds];
        DistinctUsers = new long[buckets];
        FunnelSteps = new long[buckets * model.Funnels.Length * _maxSteps];
        Retained = new long[_days * _days];
        var count = users?.Count ?? 0;
        _globalOf = users?.Global;
        if (model.Funnels.Length > UserProgress.MaxFunnels)
            throw new ArgumentException($"at most {UserProgress.MaxFunnels} funnels are supported", nameof(model));
        _progress = new UserProgress[count];
        for (var i = 0; i < count; i++) _progress[i].LastActiveDay = -1;
    }

    public long[] EventsByHour { get; }
    public long[] DistinctUsers { get; }
    public long[] FunnelSteps { get; }
    /// <summary>[installDay * days + age]: users of the install-day cohort active again after age days.</summary>
    public long[] Retained { get; }
    public long Events { get; private set; }

    public int Days => _days;

    public long EventCount(int day, int hour, EventKind kind) => EventsByHour[(day * 24 + hour) * _kinds + (int)kind];

    public long FunnelCount(int day, int funnel, int step) => FunnelSteps[(day * _model.Funnels.Length + funnel) * _maxSteps + step];

    /// <summary>Records an emitted event. A user's events must arrive in true-time order (the server run guarantees it).</summary>
    public void Record(in EventRecord r, int localUser)
    {
        var sinceStart = r.TrueTimeMs - _model.RangeStartMs;
        var day = (int)Math.Min(_days, sinceStart / SimulationModel.DayMs);
        var hour = (int)(sinceStart % SimulationModel.DayMs / 3_600_000);
        EventsByHour[(day * 24 + hour) * _kinds + (int)r.Kind]++;
        Events++;

        ref var progress = ref _progress[localUser];
        if (progress.LastActiveDay != day)
        {
            progress.LastActiveDay = day;
            progress.Stages = 0;
            DistinctUsers[day]++;
            var installDay = _model.Pools.Users.InstallDay[_globalOf![localUser]];
            if (installDay >= 0 && day > installDay && day < _days) Retained[installDay * _days + day - installDay]++;
        }

        for (var f = 0; f < _model.Funnels.Length; f++)
        {
            var stage = progress.Stage(f);
            var funnel = _model.Funnels[f];
            if (stage < funnel.Steps.Length && funnel.Steps[stage] == r.Kind)
            {
                FunnelSteps[(day * _model.Funnels.Length + f) * _maxSteps + stage]++;
                progress.Advance(f);
            }
        }
    }

    public void Add(GroundTruth other)
    {
        AddInto(EventsByHour, other.EventsByHour);
        AddInto(DistinctUsers, other.DistinctUsers);
        AddInto(FunnelSteps, other.FunnelSteps);
        AddInto(Retained, other.Retained);
        Events += other.Events;
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }
}

/// <summary>A user's last active day and, packed a byte per funnel, the funnel steps done that day.</summary>
internal struct UserProgress
{
    public const int MaxFunnels = 8;
    public int LastActiveDay;
    public ulong Stages;

    public readonly int Stage(int funnel) => (int)(Stages >> (funnel * 8)) & 0xFF;

    public void Advance(int funnel) => Stages += 1UL << (funnel * 8);
}
