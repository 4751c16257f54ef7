namespace Sandbox.Warehouse.Loading;

/// <summary>
/// What one <see cref="WarehouseLoader.LoadAsync"/> call did. Every line is accounted for:
/// <c>Lines == Inserted + Duplicates + Bad</c>, and <c>Staged == Inserted + Duplicates</c>.
/// </summary>
public sealed record LoadResult(
    string DeliveryStream,
    string ManifestUrl,
    int Objects,
    long Lines,
    long Staged,
    long Inserted,
    long Duplicates,
    long Bad,
    IReadOnlyList<string> MissingOptionalObjects,
    LoadCommit? PreviousCommit = null)
{
    /// <summary>Reading, checking and COPYing the lines into staging (client and server overlap here).</summary>
    public TimeSpan StagingTime { get; init; }

    /// <summary>The insert into events, bad_events and load_commits, and the commit.</summary>
    public TimeSpan CommitTime { get; init; }

    /// <summary>The manifest had been committed before (by an earlier or a concurrent call): this call changed nothing.</summary>
    public bool AlreadyLoaded => PreviousCommit is not null;

    public bool Reconciles => Lines == Inserted + Duplicates + Bad && Staged == Inserted + Duplicates;

    public static LoadResult Skipped(string deliveryStream, string manifestUrl, LoadCommit previous) =>
        new(deliveryStream, manifestUrl, 0, 0, 0, 0, 0, 0, [], previous);

    public override string ToString() => AlreadyLoaded
        ? $"{ManifestUrl}: already loaded at {PreviousCommit!.CommittedAt:O} ({PreviousCommit.RowsInserted} rows), nothing inserted"
        : $"{ManifestUrl}: {Lines} lines from {Objects} objects -> {Inserted} inserted, {Duplicates} duplicates, {Bad} bad";
}
