using Sandbox.Generator.Faults;
using Sandbox.Generator.Output;

namespace Sandbox.Generator.Simulation;

/// <summary>
/// Simulates one app server over the whole range and writes its lines in received_at order:
/// a k-way merge of the sessions open at any moment (priority queue keyed by the next event's
/// received time), plus late deliveries. Memory is bounded by concurrent sessions, not day size.
/// Everything here is sequential and seeded, so the output does not depend on thread count.
/// </summary>
public sealed class ServerRun
{
    private const long DeferredSessionGapMs = 30_000;

    private readonly SimulationModel _model;
    private readonly ServerUsers _users;
    private readonly DayPlanner _planner;
    private readonly SessionSimulator _simulator;
    private readonly EventLineWriter _writer;
    private readonly IServerEventStream _output;
    private readonly PriorityQueue<Session, long> _open = new();
    private readonly PriorityQueue<EventRecord, long> _late = new();
    private readonly Stack<Session> _free = new();
    private readonly Session?[] _running;
    private readonly List<SessionStart>?[] _waiting;
    private readonly Action<long> _progress;
    private long _unreported;

    public ServerRun(SimulationModel model, ServerUsers users, EncodedPools text, IServerEventStream output, Action<long> progress)
    {
        _model = model;
        _users = users;
        _planner = new DayPlanner(model, users);
        _simulator = new SessionSimulator(model, users);
        _writer = new EventLineWriter(model, text, model.Config.Faults.DropProperty?.Property);
        _output = output;
        _progress = progress;
        _running = new Session?[users.Count];
        _waiting = new List<SessionStart>?[users.Count];
        Truth = new GroundTruth(model, users);
        Faults = new FaultInjector(model.Config, model.Releases);
    }

    public GroundTruth Truth { get; }
    public FaultInjector Faults { get; }
    public long Lines { get; private set; }

    public IReadOnlyList<SinkOutput> Run()
    {
        for (var day = 0; day < _model.Config.DayCount; day++)
        {
            var plan = _planner.Plan(day);
            foreach (var start in plan)
            {
                DeliverUntil(start.StartMs);
                Begin(start, day);
            }
        }
        DeliverUntil(long.MaxValue);
        _progress(_unreported);
        return _output.Complete();
    }

    /// <summary>Writes every pending event received before <paramref name="limitMs"/>, oldest first.</summary>
    private void DeliverUntil(long limitMs)
    {
        while (true)
        {
            var openAt = _open.TryPeek(out var session, out var t1) ? t1 : long.MaxValue;
            var lateAt = _late.TryPeek(out _, out var t2) ? t2 : long.MaxValue;
            if (Math.Min(openAt, lateAt) >= limitMs || (openAt == long.MaxValue && lateAt == long.MaxValue)) return;
            if (lateAt < openAt)
            {
                Emit(_late.Dequeue());
                continue;
            }
            Emit(session!.Pending);
            if (Produce(session)) _open.DequeueEnqueue(session, session.Pending.ReceivedMs);
            else
            {
                _open.Dequeue();
                Finish(session);
            }
        }
    }

    /// <summary>Starts a planned session, or queues it behind the user's still-running one (one session per user at a time).</summary>
    private void Begin(in SessionStart start, int day)
    {
        if (_running[start.LocalUser] is not null)
        {
            (_waiting[start.LocalUser] ??= []).Add(start with { Ordinal = start.Ordinal | day << 4 });
            return;
        }
        Launch(start, day);
    }

    private void Launch(in SessionStart start, int day)
    {
        var session = _free.Count > 0 ? _free.Pop() : new Session();
        var skew = Faults.ClockSkewMs(_users.Global[start.LocalUser], day, countIt: start.Ordinal == 0);
        _simulator.Start(session, start, day, skew);
        if (Produce(session))
        {
            _running[start.LocalUser] = session;
            _open.Enqueue(session, session.Pending.ReceivedMs);
        }
        else Finish(session);
    }

    private void Finish(Session session)
    {
        var local = session.LocalUser;
        _running[local] = null;
        var endedAt = session.TimeMs;
        _free.Push(session);
        if (_waiting[local] is not { Count: > 0 } waiting) return;
        var next = waiting[0];
        waiting.RemoveAt(0);
        var day = next.Ordinal >> 4;
        Launch(next with { StartMs = Math.Max(next.StartMs, endedAt + DeferredSessionGapMs), Ordinal = next.Ordinal & 15 }, day);
    }

    /// <summary>Advances the session to its next deliverable event; false when it has ended.</summary>
    private bool Produce(Session session)
    {
        while (_simulator.Advance(session))
        {
            ref var r = ref session.Pending;
            if (Faults.Drops(r)) continue;
            Truth.Record(r, session.LocalUser);
            if (!Faults.Damage(ref r)) return true;
            _late.Enqueue(r, r.ReceivedMs);
        }
        return false;
    }

    private void Emit(in EventRecord r)
    {
        var line = _writer.Write(r);
        var torn = Faults.TornPrefixLength(r, line.Length);
        if (torn > 0) Write(line[..torn], r.ReceivedMs);
        Write(line, r.ReceivedMs);
        if (Faults.Duplicates(r)) Write(line, r.ReceivedMs);
        if (++_unreported == 65_536)
        {
            _progress(_unreported);
            _unreported = 0;
        }
    }

    private void Write(ReadOnlySpan<byte> line, long receivedMs)
    {
        _output.Write(line, receivedMs);
        Lines++;
    }
}
