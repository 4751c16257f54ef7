using Npgsql;
using Sandbox.Sync.Config;
using Sandbox.Sync.Source;
using Sandbox.Sync.Target;

namespace Sandbox.Sync;

/// <summary>
/// Everything a table's run decides before moving a row, shared by the run and the dry-run plan:
/// the source's columns and their warehouse types, the keys, the cursor to read after, and what the
/// target needs. Every check that can fail on config or schema fails here.
/// </summary>
public sealed record TablePreparation(
    IReadOnlyList<SourceColumn> Columns,
    IReadOnlyList<WarehouseType> Types,
    IReadOnlyList<string> CursorColumns,
    IReadOnlyList<string> MergeKeys,
    IReadOnlyList<string> TargetKey,
    IReadOnlyList<string> PrimaryKey,
    Cursor? After,
    SchemaPlan Schema,
    MergeUpsert? Upsert)
{
    public static async Task<TablePreparation> PrepareAsync(
        SyncTableConfig config, AppDbSource source, NpgsqlConnection warehouse, string? storedCursor, bool full, CancellationToken cancellationToken)
    {
        string Fail(string what) => throw new InvalidOperationException($"{config.File}: {what}");
        var shape = await source.DescribeAsync(cancellationToken);
        var (columns, primaryKey) = (shape.Columns, shape.PrimaryKey);
        foreach (var column in columns)
            if (!SyncConfigLoader.IsIdentifier(column.Name))
                Fail($"source column '{column.Name}' is not a lower-case identifier: alias it in a source query");
        var types = columns.Select(WarehouseType.For).ToList();
        var names = columns.Select(c => c.Name).ToHashSet();

        IReadOnlyList<string> cursorColumns = !config.Mode.IsIncremental() ? []
            : config.IncrementalColumns.Count > 0 ? config.IncrementalColumns
            : primaryKey.Count > 0 ? primaryKey
            : [Fail($"source table {config.SourceTable} has no primary key to default incremental_columns to: name them")];
        IReadOnlyList<string> mergeKeys = config.Mode != SyncMode.Merge ? []
            : config.MergeKeys.Count > 0 ? config.MergeKeys
            : primaryKey.Count > 0 ? primaryKey
            : [Fail($"source table {config.SourceTable} has no primary key to default merge_keys to: name them")];
        foreach (var column in cursorColumns.Concat(mergeKeys).Where(c => !names.Contains(c)))
            Fail($"'{column}' is not a column of the source {config.SourceDescription} (it has {string.Join(", ", names)})");
        foreach (var column in cursorColumns.Where(shape.Nullable.Contains))
            Fail($"incremental column {column} allows NULL: rows where it is NULL would never sync; use NOT NULL columns");

        Cursor? after = null;
        if (storedCursor is not null && !full && cursorColumns.Count > 0)
        {
            var kept = Cursor.ColumnsOf(storedCursor);
            if (!kept.SequenceEqual(cursorColumns))
                Fail($"the stored cursor of {config.Name} is on ({string.Join(", ", kept)}) but incremental_columns are now " +
                     $"({string.Join(", ", cursorColumns)}): run `sandbox sync --table {config.Name} --full` to read the source again");
            after = Cursor.FromJson(storedCursor, columns);
        }

        IReadOnlyList<string> targetKey = config.Mode switch
        {
            SyncMode.Merge => mergeKeys,
            SyncMode.TruncateInsert or SyncMode.Replace => primaryKey,
            _ => [], // appending modes keep every version a run reads, as embulk's insert does
        };
        var existing = await TargetColumns.ReadAsync(warehouse, config.TargetSchema, config.TargetTable, cancellationToken);
        var schema = SchemaPlan.For(config, columns, types, existing?.Columns, targetKey);
        // A merge upserts on the target's primary key when that is the merge key (always so for a target the sync created).
        var upsert = config.Mode == SyncMode.Merge && (existing is null || existing.PrimaryKey.SetEquals(mergeKeys))
            ? new MergeUpsert(existing?.Columns.Keys.Where(c => !names.Contains(c)).ToList() ?? [])
            : null;
        return new TablePreparation(columns, types, cursorColumns, mergeKeys, targetKey, primaryKey, after, schema, upsert);
    }

    public RowCopier Copier(SyncTableConfig config) => new(
        config.Name, Types, (MergeKeys.Count > 0 ? MergeKeys : PrimaryKey.Count > 0 ? PrimaryKey : CursorColumns).Select(Ordinal).ToList());

    public TableWriter Writer(SyncTableConfig config) => new(config, Copier(config), Columns, Types, TargetKey, MergeKeys, Upsert);

    private int Ordinal(string column) => Columns.First(c => c.Name == column).Ordinal;
}
