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
    /// <summary>True when the rows were COPYed straight into events; false when they went through staging + INSERT .. ON CONFLICT.</summary>
    public bool CopiedDirectly { get; init; }

    /// <summary>Reading, checking and COPYing the lines (client and server overlap here), plus the INSERT on the staging path.</summary>
    public TimeSpan StagingTime { get; init; }

    /// <summary>Recording bad lines and the load commit, and the commit itself.</summary>
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
