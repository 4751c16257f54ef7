using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Console.State;

public sealed record AuditEntry(long Id, string? User, string Method, string Path, int Status, DateTimeOffset At);

/// <summary>
/// console.audit_log: every write through the API (POST, PUT, DELETE under /api, except runs, which
/// only read, and sign-in, which carries a password), who made it and how it was answered.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource dataSource)
{
    public static bool IsWrite(HttpRequest request) =>
        request.Method is "POST" or "PUT" or "DELETE" or "PATCH"
        && request.Path.StartsWithSegments("/api")
        && !request.Path.StartsWithSegments("/api/run") && !request.Path.StartsWithSegments("/api/runs")
        && !request.Path.StartsWithSegments("/api/lessons") && !request.Path.StartsWithSegments("/api/session");

    public async Task RecordAsync(ConsoleUser? user, string method, string path, int status, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "insert into console.audit_log (user_id, user_name, method, path, status) values ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = (object?)user?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = (object?)user?.Name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = method });
        command.Parameters.Add(new() { Value = path });
        command.Parameters.Add(new() { Value = status });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "select id, user_name, method, path, status, at from console.audit_log order by id desc limit $1");
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct))
            entries.Add(new(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5)));
        return entries;
    }
}
