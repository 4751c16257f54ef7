using Sandbox.Sync.Config;

namespace Sandbox.Sync;

public static class SyncReport
{
    /// <summary>One line per table run, as the CLI prints it.</summary>
    public static string Line(TableRunResult result)
    {
        var cursor = result.After is null ? "" : $", cursor {result.Before?.ToString() ?? "(start)"} -> {result.After}";
        var replaced = result.RowsReplaced > 0 ? $" ({result.RowsReplaced:N0} replaced)" : "";
        var schema = result.SchemaChanges.Count > 0 ? $"; {string.Join("; ", result.SchemaChanges)}" : "";
        return $"sync {result.Config.Name}: {result.Config.Mode.Name()} into {result.Config.Target}, {result.RowsRead:N0} read, " +
               $"{result.RowsWritten:N0} written{replaced}{cursor}, {result.Duration.TotalSeconds:F2} s (run {result.RunId}){schema}";
    }
}
