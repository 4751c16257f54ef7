namespace Sandbox.Generator.Simulation;

/// <summary>
/// One simulated event before serialization: plain values and pool indexes, no strings, so the
/// hot path allocates nothing. Field meaning per kind is documented in <see cref="Output.EventLineWriter"/>.
/// </summary>
public struct EventRecord
{
    public EventKind Kind;
    public byte Enum1;
    public byte Enum2;
    public bool Flag;
    public bool SignedIn;
    public bool DropProperty;
    public short AppVersion;
    public int User;
    public int Ref1;
    public int Int1;
    public int Int2;
    /// <summary>When it happened (true time; the manifest counts by it).</summary>
    public long TrueTimeMs;
    /// <summary>What the client wrote as event_time (true time plus any injected clock skew).</summary>
    public long EventTimeMs;
    public long ReceivedMs;
    public ulong SessionKey;
    /// <summary>Unique per logical event; event_id and review ids derive from it bijectively.</summary>
    public ulong EventKey;
}
