namespace Sandbox.Warehouse.Loading;

/// <summary>One row of load_commits (the stl_load_commits of this warehouse).</summary>
public sealed record LoadCommit(
    string Delivery,
    string ManifestKey,
    string Kind,
    long Lines,
    long RowsStaged,
    long RowsInserted,
    long RowsDuplicate,
    long RowsBad,
    DateTimeOffset StartedAt,
    DateTimeOffset CommittedAt);
