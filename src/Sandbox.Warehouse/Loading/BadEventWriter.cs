using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Warehouse.Loading;

/// <summary>Records bad lines in bad_events; a line already recorded (same line_ref) is not recorded twice.</summary>
internal static class BadEventWriter
{
    public static async Task InsertAsync(NpgsqlConnection connection, string source, IReadOnlyList<BadLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0) return;
        await using var insert = new NpgsqlCommand(
            """
            insert into bad_events (raw, violations, source, line_ref)
            select raw, violations, $1, line_ref from unnest($2::text[], $3::jsonb[], $4::text[]) as b(raw, violations, line_ref)
            on conflict (line_ref) do nothing
            """, connection);
        insert.Parameters.Add(new() { Value = source });
        insert.Parameters.Add(new() { Value = lines.Select(l => l.Raw).ToArray() });
        insert.Parameters.Add(new() { Value = lines.Select(l => l.ViolationsJson).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new() { Value = lines.Select(l => l.LineRef).ToArray() });
        await insert.ExecuteNonQueryAsync(ct);
    }
}
