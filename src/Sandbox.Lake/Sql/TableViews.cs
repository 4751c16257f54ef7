using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Sql;

/// <summary>
/// The CREATE VIEW over every record of the files a query needs (<see cref="LakeTable.RawName"/>); every view has the
/// same columns, files or not. A distinct table then gets its one-row-per-key view from <see cref="DistinctViews"/>.
/// </summary>
public static class TableViews
{
    private const string DayFolders = @"'(\d{4}/\d{2}/\d{2})/\d{2}/[^/]*$'";
    private const string HourFolder = @"'/(\d{2})/[^/]*$'";

    public static string Parquet(LakeTable table, IReadOnlyList<string> files) => files.Count == 0
        ? Empty(table)
        : $"create or replace view {table.RawName} as select {Columns(table)} from read_parquet({SqlText.List(files)})";

    /// <summary>Straight over the cached gzip JSON: dt and hour come from the cache path, which mirrors the key.</summary>
    public static string Json(LakeTable table, IReadOnlyList<string> files) => files.Count == 0
        ? Empty(table)
        : $"""
          create or replace view {table.RawName} as
          select {string.Join(", ", table.Columns.Select(c => c.Quoted))},
                 regexp_replace(regexp_extract(filename, {DayFolders}, 1), '/', '-', 'g') as dt,
                 cast(regexp_extract(filename, {HourFolder}, 1) as integer) as hour
          from {JsonScan.Of(table, files, withFileName: true)}
          """;

    private static string Columns(LakeTable table) =>
        string.Join(", ", table.Columns.Select(c => c.Quoted).Append(LakeTable.DtColumn).Append(LakeTable.HourColumn));

    private static string Empty(LakeTable table)
    {
        var nulls = table.Columns.Select(c => $"cast(null as {c.DuckDbType}) as {c.Quoted}")
            .Append($"cast(null as varchar) as {LakeTable.DtColumn}").Append($"cast(null as integer) as {LakeTable.HourColumn}");
        return $"create or replace view {table.RawName} as select {string.Join(", ", nulls)} where false";
    }
}
