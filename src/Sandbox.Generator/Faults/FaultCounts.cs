namespace Sandbox.Generator.Faults;

/// <summary>How many of each injected fault went into the output (all zero when faults are off).</summary>
public sealed class FaultCounts
{
    public long DuplicateLines { get; set; }
    public long LateEvents { get; set; }
    public long MalformedLines { get; set; }
    public long SkewedUserDays { get; set; }
    public long SkewedEvents { get; set; }
    public long EventsMissingProperty { get; set; }
    public long DroppedEvents { get; set; }

    public void Add(FaultCounts other)
    {
        DuplicateLines += other.DuplicateLines;
        LateEvents += other.LateEvents;
        MalformedLines += other.MalformedLines;
        SkewedUserDays += other.SkewedUserDays;
        SkewedEvents += other.SkewedEvents;
        EventsMissingProperty += other.EventsMissingProperty;
        DroppedEvents += other.DroppedEvents;
    }
}
