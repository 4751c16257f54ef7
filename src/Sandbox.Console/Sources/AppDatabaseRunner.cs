using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Sources;

/// <summary>
/// Runs a statement on the app database (MariaDB as "RDS for MySQL") as its read-only role
/// (SANDBOX_APPDB_SYNC, `sync_reader`), inside a read-only transaction with max_statement_time.
/// </summary>
public sealed class AppDatabaseRunner(ConsoleSettings settings)
{
    /// <summary>Parameters are bound as @p1, @p2... (MySqlConnector's named parameters).</summary>
    public const string PlaceholderPrefix = "@p";

    public async Task<RunSummary> RunAsync(BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(query.Sql, connection);
        for (var i = 0; i < query.Parameters.Count; i++) command.Parameters.AddWithValue($"{PlaceholderPrefix}{i + 1}", query.Parameters[i].Value);
        MySqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (MySqlException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryFailedException(Failure(error));
        }
        await using (reader)
            return await ResultPump.PumpAsync(reader, sink, rowCap, e => e is MySqlException my ? Failure(my) : null, clock, cancellationToken);
    }

    /// <summary>Tables and columns of the app database the role may read, with the server's row estimates.</summary>
    public async Task<IReadOnlyList<Editor.SchemaTable>> SchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(
            """
            select c.table_name, t.table_type, t.table_rows, c.column_name, c.column_type
            from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = database() order by c.table_name, c.ordinal_position
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string Table, string Kind, long? Rows, Editor.SchemaColumn Column)>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add((reader.GetString(0), reader.GetString(1) == "VIEW" ? "view" : "table", reader.IsDBNull(2) ? null : Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                new Editor.SchemaColumn(reader.GetString(3), reader.GetString(4))));
        return rows.GroupBy(r => r.Table)
            .Select(t => new Editor.SchemaTable("app", t.Key, t.First().Kind, t.First().Rows, t.Select(r => r.Column).ToList())).ToList();
    }

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (settings.AppDatabaseConnectionString is not { } connectionString)
            throw new QueryInputException("the app database is not available: the endpoints contract has no SANDBOX_APPDB_SYNC (its read-only role)");
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            var seconds = settings.StatementTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            await using var limit = new MySqlCommand(
                $"set session max_statement_time = {seconds}; set session transaction read only; start transaction read only", connection);
            await limit.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch (MySqlException error)
        {
            await connection.DisposeAsync();
            throw new QueryFailedException(new QueryFailure(
                $"the app database at {connection.DataSource}:{new MySqlConnectionStringBuilder(connectionString).Port} did not answer: {error.Message}", error.SqlState, null, null, null));
        }
    }

    private static QueryFailure Failure(MySqlException error) => new(error.Message, error.SqlState, null, null, null);
}
