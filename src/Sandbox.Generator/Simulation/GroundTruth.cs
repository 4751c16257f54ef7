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
    private readonly int[] _lastActiveDay;
    private readonly byte[][] _funnelStage;
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
        _lastActiveDay = new int[count];
        Array.Fill(_lastActiveDay, -1);
        _funnelStage = model.Funnels.Select(_ => new byte[count]).ToArray();
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

        if (_lastActiveDay[localUser] != day)
        {
            _lastActiveDay[localUser] = day;
            DistinctUsers[day]++;
            foreach (var stages in _funnelStage) stages[localUser] = 0;
            var installDay = _model.Pools.Users.InstallDay[_globalOf![localUser]];
            if (installDay >= 0 && day > installDay && day < _days) Retained[installDay * _days + day - installDay]++;
        }

        for (var f = 0; f < _model.Funnels.Length; f++)
        {
            var stage = _funnelStage[f][localUser];
            var funnel = _model.Funnels[f];
            if (stage < funnel.Steps.Length && funnel.Steps[stage] == r.Kind)
            {
                FunnelSteps[(day * _model.Funnels.Length + f) * _maxSteps + stage]++;
                _funnelStage[f][localUser] = (byte)(stage + 1);
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
