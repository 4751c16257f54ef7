using Sandbox.Lake.Tables;

namespace Sandbox.Lake.Sql;

/// <summary>
/// One row per key for a table over an at-least-once archive: the keys seen more than once are found
/// once, when the lake opens (a connection's files are fixed, so the set cannot go stale), as a temp table
/// of key hashes. With none the view is the raw view as is, and queries pay nothing; with some, rows whose
/// key hash is not a duplicate pass through and only the duplicates' rows go through DISTINCT ON. A hash
/// collision only sends a few more rows through DISTINCT ON, which compares the keys themselves.
/// Rows without a key are kept as they are: nothing says two of them are the same record.
/// </summary>
public static class DistinctViews
{
    public static string DuplicateKeysName(LakeTable table) => $"{table.Name}_duplicate_keys";

    /// <summary>Creates the temp table of duplicate key hashes (hash, extra copies beyond the first).</summary>
    public static string FindDuplicates(LakeTable table)
    {
        var distinct = Require(table);
        return $"""
            create or replace temp table {DuplicateKeysName(table)} as
            select hash({distinct.QuotedKey}) as key_hash
            from {table.RawName}
            where {distinct.QuotedKey} is not null
            group by key_hash
            having count(*) > 1
            """;
    }

    /// <summary>How many records the distinct view leaves out: copies beyond the first of each key (counted only among the duplicates' rows).</summary>
    public static string CountHidden(LakeTable table)
    {
        var distinct = Require(table);
        return $"""
            select cast(coalesce(sum(copies - 1), 0) as bigint) from (
              select count(*) as copies from {table.RawName}
              where {distinct.QuotedKey} is not null and hash({distinct.QuotedKey}) in (select key_hash from {DuplicateKeysName(table)})
              group by {distinct.QuotedKey})
            """;
    }

    /// <summary>The table's view: the raw view when no key repeats, else unique rows plus the first copy of each repeated key.</summary>
    public static string View(LakeTable table, bool anyDuplicates)
    {
        var distinct = Require(table);
        if (!anyDuplicates) return $"create or replace view {table.Name} as select * from {table.RawName}";
        var duplicates = $"(select key_hash from {DuplicateKeysName(table)})";
        return $"""
            create or replace view {table.Name} as
            select * from {table.RawName}
            where {distinct.QuotedKey} is null or hash({distinct.QuotedKey}) not in {duplicates}
            union all
            select * from (
              select distinct on ({distinct.QuotedKey}) * from {table.RawName}
              where {distinct.QuotedKey} is not null and hash({distinct.QuotedKey}) in {duplicates}
              order by {distinct.QuotedKey}, {distinct.QuotedFirstBy})
            """;
    }

    private static DistinctBy Require(LakeTable table) =>
        table.Distinct ?? throw new ArgumentException($"lake table '{table.Name}' keeps every record: it has no distinct key", nameof(table));
}
