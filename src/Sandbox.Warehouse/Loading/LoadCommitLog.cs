using Npgsql;

namespace Sandbox.Warehouse.Loading;

/// <summary>load_commits: which manifests are in the warehouse, so a manifest is never loaded twice.</summary>
internal static class LoadCommitLog
{
    private const string Columns =
        "delivery, manifest_key, kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad, started_at, committed_at";

    public static async Task<LoadCommit?> FindAsync(NpgsqlConnection connection, string delivery, string manifestKey, CancellationToken ct)
    {
        await using var query = new NpgsqlCommand($"select {Columns} from load_commits where delivery = $1 and manifest_key = $2", connection);
        query.Parameters.Add(new() { Value = delivery });
        query.Parameters.Add(new() { Value = manifestKey });
        await using var reader = await query.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new LoadCommit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
            reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9));
    }

    /// <returns>False when another load committed the same manifest first (the caller must roll back).</returns>
    public static async Task<bool> TryRecordAsync(NpgsqlConnection connection, LoadCommit commit, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            """
            insert into load_commits (delivery, manifest_key, kind, lines, rows_staged, rows_inserted, rows_duplicate, rows_bad, started_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (delivery, manifest_key) do nothing
            """, connection);
        foreach (var value in new object[] { commit.Delivery, commit.ManifestKey, commit.Kind, commit.Lines, commit.RowsStaged,
                     commit.RowsInserted, commit.RowsDuplicate, commit.RowsBad, commit.StartedAt })
            insert.Parameters.Add(new() { Value = value });
        return await insert.ExecuteNonQueryAsync(ct) == 1;
    }
}
