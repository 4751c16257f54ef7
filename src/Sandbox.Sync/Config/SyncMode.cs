namespace Sandbox.Sync.Config;

/// <summary>
/// How a run writes the target, after embulk's output-redshift modes. Every mode commits the data,
/// the new cursor and the run's log row in one warehouse transaction.
/// </summary>
public enum SyncMode
{
    /// <summary>COPY into a staging table, then INSERT INTO target SELECT (appends).</summary>
    Insert,
    /// <summary>COPY straight into the target (appends; no staging copy).</summary>
    InsertDirect,
    /// <summary>Full read into staging; TRUNCATE the target and insert the staging rows.</summary>
    TruncateInsert,
    /// <summary>Full read into a new table that replaces the target (its schema follows the source).</summary>
    Replace,
    /// <summary>COPY into staging; delete target rows with the same merge keys, insert the staging rows.</summary>
    Merge,
}

public static class SyncModes
{
    public static readonly IReadOnlyDictionary<string, SyncMode> ByName = new Dictionary<string, SyncMode>
    {
        ["insert"] = SyncMode.Insert,
        ["insert_direct"] = SyncMode.InsertDirect,
        ["truncate_insert"] = SyncMode.TruncateInsert,
        ["replace"] = SyncMode.Replace,
        ["merge"] = SyncMode.Merge,
    };

    public static string Name(this SyncMode mode) => ByName.First(pair => pair.Value == mode).Key;

    /// <summary>Modes that read only the rows after the cursor; the others read the whole source every run.</summary>
    public static bool IsIncremental(this SyncMode mode) => mode is SyncMode.Insert or SyncMode.InsertDirect or SyncMode.Merge;
}
