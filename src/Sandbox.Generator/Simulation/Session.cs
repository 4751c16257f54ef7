using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>Mutable state of one running session (pooled and reused; one per concurrently open session).</summary>
public sealed class Session
{
    public Xoshiro256 Rng;
    public int User;
    public int LocalUser;
    public int Day;
    public ulong Key;
    public int ActionsLeft;
    public int Sequence;
    public Screen Screen;
    public int Post;
    public int Product;
    public long TimeMs;
    public long LastReceivedMs;
    public long SkewMs;
    public short AppVersion;
    public bool IsInstallSession;
    /// <summary>Copies of the user's account state (a user has one session at a time; changes are written through).</summary>
    public bool SignedUp;
    public bool SignedIn;
    public int Forced;
    public int OpeningCount;
    public int OpeningIndex;
    public readonly EventKind[] Opening = new EventKind[3];
    public EventRecord Pending;

    public const int NoForced = -1;
}

/// <summary>A session the planner scheduled: who, when, and the seed of its own random stream.</summary>
public readonly record struct SessionStart(long StartMs, int LocalUser, int Ordinal, ulong Seed) : IComparable<SessionStart>
{
    public int CompareTo(SessionStart other)
    {
        var c = StartMs.CompareTo(other.StartMs);
        if (c != 0) return c;
        c = LocalUser.CompareTo(other.LocalUser);
        return c != 0 ? c : Ordinal.CompareTo(other.Ordinal);
    }
}
