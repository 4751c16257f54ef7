using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Redshift.Copy;

/// <summary>
/// Writes stl_load_errors / stl_load_commits rows (redshift.load_error_log, redshift.load_commit_log)
/// over the front's own connection, outside the client's transaction: as in Redshift, the errors of a
/// failed load stay recorded although the load rolled back. They go to the database the client's session
/// is in (its loader reads them back there: a test's throwaway database has its own), with the log role.
/// </summary>
public sealed class LoadLog(string connectionString) : IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NpgsqlDataSource> _databases = new();

    public static LoadLog Create(string connectionString) => new(connectionString);

    private NpgsqlDataSource For(string database) => _databases.GetOrAdd(database, name => NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { Database = name, ApplicationName = "sandbox-redshift load log" }.ConnectionString));

    /// <summary>A query id for the COPY, from stl_query's sequence (so it does not collide with logged statements).</summary>
    public async Task<long> NextQueryIdAsync(string database, CancellationToken ct)
    {
        await using var command = For(database).CreateCommand("select nextval(pg_get_serial_sequence('redshift.query_log', 'query'))");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    internal async Task RecordErrorsAsync(string database, long query, string user, long tableOid, IReadOnlyList<LoadError> errors, CancellationToken ct)
    {
        if (errors.Count == 0) return;
        await using var command = For(database).CreateCommand("""
            insert into redshift.load_error_log (userid, tbl, query, filename, line_number, colname, type, col_length, raw_line, raw_field_value, err_code, err_reason)
            select coalesce((select oid::int from pg_roles where rolname = $1), 0), $2, $3, e.filename, e.line_number, e.colname, e.type, '',
                   e.raw_line, e.raw_field_value, e.err_code, e.err_reason
            from unnest($4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[])
                 as e(filename, line_number, colname, type, raw_line, raw_field_value, err_code, err_reason)
            """);
        Add(command, user, tableOid, query);
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.FileName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.LineNumber).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.ColumnName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.ColumnType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => Clip(e.RawLine)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => Clip(e.RawFieldValue)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.Code).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = errors.Select(e => e.Reason).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    internal async Task RecordCommitsAsync(string database, long query, string user, string table, string fileFormat, IReadOnlyList<FileLoaded> files, CancellationToken ct)
    {
        if (files.Count == 0) return;
        await using var command = For(database).CreateCommand("""
            insert into redshift.load_commit_log (userid, query, name, filename, lines_scanned, errors, file_format)
            select coalesce((select oid::int from pg_roles where rolname = $1), 0), $2, $3, f.filename, f.lines, f.errors, $4
            from unnest($5::text[], $6::bigint[], $7::bigint[]) as f(filename, lines, errors)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        command.Parameters.Add(new NpgsqlParameter { Value = fileFormat });
        command.Parameters.Add(new NpgsqlParameter { Value = files.Select(f => f.FileName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = files.Select(f => f.LinesScanned).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = files.Select(f => f.Errors).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(NpgsqlCommand command, string user, long tableOid, long query)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = user });
        command.Parameters.Add(new NpgsqlParameter { Value = tableOid });
        command.Parameters.Add(new NpgsqlParameter { Value = query });
    }

    // Redshift keeps 1024 characters of raw_line / raw_field_value.
    private static string Clip(string text) => text.Length <= 1024 ? text : text[..1024];

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _databases.Values) await source.DisposeAsync();
    }
}
