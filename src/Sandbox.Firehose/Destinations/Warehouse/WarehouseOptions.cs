namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>The Redshift destination's settings, named after AWS' RedshiftDestinationConfiguration.</summary>
public sealed record WarehouseOptions
{
    /// <summary>The intermediate bucket COPY reads from.</summary>
    public required string StagingBucket { get; init; }

    /// <summary>Where manifests go once the retry duration is spent, for `sandbox firehose replay`.</summary>
    public required string ErrorBucket { get; init; }

    public string StagingPrefix { get; init; } = "";

    /// <summary>AWS puts skipped manifests under errors/manifests/.</summary>
    public string ErrorOutputPrefix { get; init; } = "errors/manifests/";

    /// <summary>RetryOptions.DurationInSeconds: AWS default 3600 s, 0 means one attempt.</summary>
    public TimeSpan RetryDuration { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>First pause between load attempts; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
}
