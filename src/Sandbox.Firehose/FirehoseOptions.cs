using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Consumer;

namespace Sandbox.Firehose;

/// <summary>Settings of the two delivery streams `sandbox run` hosts; defaults are AWS'.</summary>
public sealed record FirehoseOptions
{
    public const string ArchiveStreamName = "to-archive";
    public const string WarehouseStreamName = "to-warehouse";

    public BufferingHints ArchiveBuffering { get; init; } = BufferingHints.AwsDefaults;
    public BufferingHints WarehouseBuffering { get; init; } = BufferingHints.AwsDefaults;

    public string ArchivePrefix { get; init; } = "";
    public string ArchiveErrorOutputPrefix { get; init; } = "!{firehose:error-output-type}/";

    /// <summary>AWS default 3600 s.</summary>
    public TimeSpan WarehouseRetryDuration { get; init; } = TimeSpan.FromSeconds(3600);

    public ConsumerOptions Consumer { get; init; } = new();

    /// <summary>Small hints for demos: deliver every second or every megabyte.</summary>
    public static FirehoseOptions Demo { get; } = new()
    {
        ArchiveBuffering = BufferingHints.FromAws(1, 1),
        WarehouseBuffering = BufferingHints.FromAws(1, 1),
    };
}
