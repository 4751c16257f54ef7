namespace Sandbox.Warehouse.Loading;

/// <summary>
/// What <see cref="WarehouseLoader.CheckAsync"/> found (COPY ... NOLOAD): every line read is counted,
/// <c>Lines == Staged + BadLines.Count</c>; <see cref="RepeatedIds"/> of the staged lines repeat an
/// event_id earlier in the same batch (a load writes each once).
/// </summary>
public sealed record LoadCheck(
    int Objects,
    long Lines,
    long Staged,
    long RepeatedIds,
    IReadOnlyList<LoadCheck.BadLine> BadLines,
    IReadOnlyList<string> MissingOptionalObjects)
{
    /// <summary>A line a load would put in bad_events: where it is (object:line) and its violations as JSON.</summary>
    public sealed record BadLine(string Where, string ViolationsJson);

    public bool LoadsCleanly => BadLines.Count == 0 && MissingOptionalObjects.Count == 0;
}
