using System.Globalization;
using System.Text.RegularExpressions;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// What `sandbox ship` says about itself, read from its output lines (it is a separate process):
/// records stored in Kinesis, records buffered, and records a PutRecords call was throttled on (every
/// progress line and the summary name them, so they are known per interval). Counts restart with each process start; a SIGKILLed shipper's count is
/// carried over.
/// </summary>
public sealed partial class ShipperProgress
{
    private long _shippedBefore, _shipped, _throttledBefore, _throttled, _buffered;

    public long Shipped => Interlocked.Read(ref _shippedBefore) + Interlocked.Read(ref _shipped);
    public long Throttled => Interlocked.Read(ref _throttledBefore) + Interlocked.Read(ref _throttled);
    public long Buffered => Interlocked.Read(ref _buffered);

    /// <summary>True once any line named the throttled records (otherwise the report says it is not known per minute).</summary>
    public bool SeesThrottling { get; private set; }

    /// <summary>A new process starts counting from zero: keep what the last one reported.</summary>
    public void Restarted()
    {
        Interlocked.Add(ref _shippedBefore, Interlocked.Exchange(ref _shipped, 0));
        Interlocked.Add(ref _throttledBefore, Interlocked.Exchange(ref _throttled, 0));
    }

    public void Read(string line)
    {
        if (!line.StartsWith("ship: ", StringComparison.Ordinal)) return;
        if (Number(ShippedPattern().Match(line)) is { } shipped) Interlocked.Exchange(ref _shipped, shipped);
        if (Number(BufferedPattern().Match(line)) is { } buffered) Interlocked.Exchange(ref _buffered, buffered);
        if (Number(ThrottledPattern().Match(line)) is { } throttled)
        {
            Interlocked.Exchange(ref _throttled, throttled);
            SeesThrottling = true;
        }
    }

    private static long? Number(Match match) =>
        match.Success ? long.Parse(match.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"([\d,]+) (?:records )?shipped")]
    private static partial Regex ShippedPattern();

    [GeneratedRegex(@"([\d,]+) buffered")]
    private static partial Regex BufferedPattern();

    [GeneratedRegex(@"([\d,]+) throttled\b")]
    private static partial Regex ThrottledPattern();
}
