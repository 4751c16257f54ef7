namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// What one load did. Every line is accounted for: <c>Lines == Inserted + Duplicates + Bad</c> (bad:
/// lines the COPY could not store, now in bad_events); <c>Violations</c> counts the tracking-plan
/// violations recorded for loaded events.
/// </summary>
public sealed record ManifestLoadResult(string DeliveryStream, string ManifestUrl, int Objects, long Lines, long Inserted,
    long Duplicates, long Bad, long Violations)
{
    /// <summary>True when the rows were COPYed straight into events; false when they went through staging + INSERT .. ON CONFLICT.</summary>
    public bool CopiedDirectly { get; init; }

    /// <summary>When the manifest had been committed before (by an earlier or a concurrent call): this call changed nothing.</summary>
    public DateTimeOffset? LoadedBefore { get; init; }

    public bool AlreadyLoaded => LoadedBefore is not null;

    public bool Reconciles => Lines == Inserted + Duplicates + Bad;

    public static ManifestLoadResult Skipped(ManifestLoad load, DateTimeOffset loadedAt, long inserted) =>
        new(load.DeliveryStream, load.ManifestUrl, 0, 0, 0, 0, 0, 0) { LoadedBefore = loadedAt, PreviouslyInserted = inserted };

    public long PreviouslyInserted { get; init; }

    public override string ToString() => AlreadyLoaded
        ? $"{ManifestUrl}: already loaded at {LoadedBefore:O} ({PreviouslyInserted} rows), nothing inserted"
        : $"{ManifestUrl}: {Lines} lines from {Objects} objects -> {Inserted} inserted, {Duplicates} duplicates, {Bad} bad, {Violations} tracking-plan violations";
}
