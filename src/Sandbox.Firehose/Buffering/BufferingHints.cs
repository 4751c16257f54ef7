namespace Sandbox.Firehose.Buffering;

/// <summary>
/// Firehose's buffering hints: a batch is delivered when it reaches the size or the interval,
/// whichever comes first. AWS counts whole MB and seconds; smaller values are allowed here so
/// tests and demos do not wait five minutes.
/// </summary>
public sealed record BufferingHints
{
    public const int AwsDefaultSizeInMBs = 5;
    public const int AwsDefaultIntervalInSeconds = 300;

    public BufferingHints(long sizeBytes, TimeSpan interval)
    {
        if (sizeBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(sizeBytes), sizeBytes, "buffering size must be at least 1 byte");
        if (interval < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "buffering interval must not be negative");
        SizeBytes = sizeBytes;
        Interval = interval;
    }

    public long SizeBytes { get; }
    public TimeSpan Interval { get; }

    public static BufferingHints AwsDefaults { get; } = FromAws(AwsDefaultSizeInMBs, AwsDefaultIntervalInSeconds);

    /// <summary>The console's units: SizeInMBs and IntervalInSeconds.</summary>
    public static BufferingHints FromAws(double sizeInMBs, double intervalInSeconds) =>
        new((long)(sizeInMBs * 1024 * 1024), TimeSpan.FromSeconds(intervalInSeconds));

    public override string ToString() => $"{SizeBytes / 1024.0 / 1024.0:0.###} MB or {Interval.TotalSeconds:0.###} s";
}
