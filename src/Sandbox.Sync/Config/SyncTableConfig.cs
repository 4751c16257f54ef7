namespace Sandbox.Sync.Config;

/// <summary>
/// One table's sync, read from sync/&lt;name&gt;.yml. Empty key lists mean "the source's primary
/// key" and are resolved against the source when the run starts.
/// </summary>
public sealed record SyncTableConfig(
    string Name,
    string File,
    string? SourceTable,
    string? SourceQuery,
    string TargetSchema,
    string TargetTable,
    SyncMode Mode,
    IReadOnlyList<string> IncrementalColumns,
    IReadOnlyList<string> MergeKeys)
{
    public string Target => $"{TargetSchema}.{TargetTable}";

    /// <summary>What the run reads, for messages and the plan.</summary>
    public string SourceDescription => SourceTable ?? $"query ({SourceQuery!.ReplaceLineEndings(" ").Trim()})";
}
