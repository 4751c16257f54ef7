using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>
/// Plays one session forward an event at a time: the opening (install, push, app_open, login),
/// forced funnel steps, then free actions from the screen state machine. No Bogus, no allocation.
/// </summary>
public sealed class SessionSimulator(SimulationModel model, ServerUsers users)
{
    private const int MaxEventsPerSession = 60_000;
    private const double MeanGapMs = 18_000;
    private readonly EntityRefs _refs = new(model);

    public void Start(Session s, in SessionStart start, int day, long skewMs)
    {
        var user = users.Global[start.LocalUser];
        var pool = model.Pools.Users;
        s.Rng = new Xoshiro256(start.Seed);
        s.User = user;
        s.LocalUser = start.LocalUser;
        s.Day = day;
        s.Key = ((ulong)day * (ulong)pool.Count + (ulong)user) * 16 + (ulong)start.Ordinal;
        s.Sequence = 0;
        s.Screen = Screen.Home;
        s.Post = -1;
        s.Product = -1;
        s.TimeMs = start.StartMs;
        s.LastReceivedMs = 0;
        s.SkewMs = skewMs;
        s.AppVersion = model.Releases.VersionOn(day, pool.InstallDay[user], pool.UpdateLagDays[user]);
        s.IsInstallSession = start.Ordinal == 0 && pool.InstallDay[user] == day;
        s.Forced = Session.NoForced;
        s.SignedUp = users.SignedUp[start.LocalUser];
        s.SignedIn = users.SignedIn[start.LocalUser];
        s.ActionsLeft = Math.Min(MaxEventsPerSession - 4, s.Rng.Geometric(model.ActionsPerSession[Math.Min(day, model.ActionsPerSession.Length - 1)]));
        PlanOpening(s);
    }

    /// <summary>Fills <see cref="Session.Pending"/> with the next event; false when the session is over.</summary>
    public bool Advance(Session s)
    {
        EventKind kind;
        if (s.OpeningIndex < s.OpeningCount) kind = s.Opening[s.OpeningIndex++];
        else if (s.Forced != Session.NoForced && CanDo((EventKind)s.Forced, s))
        {
            // A funnel step is emitted even when the session's action budget is spent, so step rates hold.
            kind = (EventKind)s.Forced;
            s.Forced = Session.NoForced;
            if (s.ActionsLeft > 0) s.ActionsLeft--;
        }
        else
        {
            s.Forced = Session.NoForced;
            if (s.ActionsLeft-- <= 0 || s.Sequence >= MaxEventsPerSession) return false;
            kind = ChooseAction(s);
        }

        if (s.Sequence > 0) s.TimeMs += 1_000 + (long)Math.Min(600_000, s.Rng.Exponential(MeanGapMs));
        ref var r = ref s.Pending;
        r = default;
        r.Kind = kind;
        r.User = s.User;
        r.AppVersion = s.AppVersion;
        r.SessionKey = s.Key;
        r.EventKey = (s.Key << 16) | (uint)s.Sequence++;
        r.TrueTimeMs = s.TimeMs;
        r.EventTimeMs = s.TimeMs + s.SkewMs;
        r.ReceivedMs = s.LastReceivedMs = Math.Max(s.LastReceivedMs, s.TimeMs + 80 + (long)Math.Min(5_000, s.Rng.Exponential(400)));
        _refs.Fill(ref r, s);
        ApplyAccountEffects(kind, s);
        r.SignedIn = s.SignedIn || kind == EventKind.Logout;
        ForceNextFunnelStep(kind, s);
        return true;
    }

    private void PlanOpening(Session s)
    {
        s.OpeningCount = 0;
        s.OpeningIndex = 0;
        if (s.IsInstallSession) s.Opening[s.OpeningCount++] = EventKind.AppInstall;
        else if (s.Rng.Chance(0.12)) s.Opening[s.OpeningCount++] = EventKind.PushOpen;
        s.Opening[s.OpeningCount++] = EventKind.AppOpen;
        if (!s.IsInstallSession && s.SignedUp && !s.SignedIn && s.Rng.Chance(0.5))
            s.Opening[s.OpeningCount++] = EventKind.Login;
    }

    private EventKind ChooseAction(Session s)
    {
        var kind = model.Actions.NextAction(s.Screen, ref s.Rng);
        if (kind.NeedsAccount() && !s.SignedIn)
        {
            // Anonymous users hit the login wall: some sign up there, the rest keep browsing.
            return !s.SignedUp && s.Rng.Chance(0.15) ? EventKind.Signup : EventKind.ViewPost;
        }
        if (kind == EventKind.ScreenView && s.SignedIn && s.Rng.Chance(0.004)) return EventKind.Logout;
        return kind;
    }

    private bool CanDo(EventKind kind, Session s) => kind switch
    {
        EventKind.Signup => !s.SignedUp,
        EventKind.Login => s.SignedUp && !s.SignedIn,
        EventKind.AppInstall or EventKind.AppOpen => false,
        _ => !kind.NeedsAccount() || s.SignedIn,
    };

    private void ApplyAccountEffects(EventKind kind, Session s)
    {
        switch (kind)
        {
            case EventKind.Signup:
                users.SignedUp[s.LocalUser] = s.SignedUp = true;
                users.SignedIn[s.LocalUser] = s.SignedIn = true;
                break;
            case EventKind.Login:
                users.SignedIn[s.LocalUser] = s.SignedIn = true;
                break;
            case EventKind.Logout:
                users.SignedIn[s.LocalUser] = s.SignedIn = false;
                break;
        }
    }

    private void ForceNextFunnelStep(EventKind kind, Session s)
    {
        var probabilities = model.StepProbabilities[s.AppVersion];
        for (var f = 0; f < model.Funnels.Length; f++)
        {
            var funnel = model.Funnels[f];
            var step = funnel.StepOf(kind);
            if (step < 0 || step + 1 >= funnel.Steps.Length) continue;
            // One draw whatever the probability: a release effect changes outcomes, not the random stream.
            if (s.Rng.Chance(probabilities[f][step]))
            {
                s.Forced = (int)funnel.Steps[step + 1];
                return;
            }
        }
    }
}
