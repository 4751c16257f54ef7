namespace Sandbox.Lake.Partitions;

/// <summary>
/// Which partitions a query needs: a dt range and an hour range, both inclusive, each open when
/// null. It only narrows what is read; the query's own WHERE still filters the rows.
/// </summary>
public sealed record PartitionFilter(DateOnly? From = null, DateOnly? To = null, int? FirstHour = null, int? LastHour = null)
{
    public static PartitionFilter All { get; } = new();

    public static PartitionFilter Days(DateOnly from, DateOnly to) => to < from
        ? throw new ArgumentException($"partition range: to {to:yyyy-MM-dd} is before from {from:yyyy-MM-dd}")
        : new PartitionFilter(from, to);

    public bool IsAll => From is null && To is null && FirstHour is null && LastHour is null;

    /// <summary>True when nothing can match (e.g. dt = 'a' and dt = 'b'): the table is then empty.</summary>
    public bool IsEmpty => From > To || FirstHour > LastHour;

    public bool Contains(HourPartition partition) =>
        (From is null || partition.Dt >= From) && (To is null || partition.Dt <= To)
        && (FirstHour is null || partition.Hour >= FirstHour) && (LastHour is null || partition.Hour <= LastHour);

    public PartitionFilter Intersect(PartitionFilter other) => new(
        Later(From, other.From), Earlier(To, other.To), Max(FirstHour, other.FirstHour), Min(LastHour, other.LastHour));

    public override string ToString()
    {
        if (IsAll) return "all partitions";
        var days = (From, To) switch
        {
            (null, null) => "any dt",
            ({ } f, { } t) when f == t => $"dt={f:yyyy-MM-dd}",
            _ => $"dt {From?.ToString("yyyy-MM-dd") ?? "*"}..{To?.ToString("yyyy-MM-dd") ?? "*"}",
        };
        return FirstHour is null && LastHour is null ? days : $"{days}, hour {FirstHour?.ToString() ?? "*"}..{LastHour?.ToString() ?? "*"}";
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
