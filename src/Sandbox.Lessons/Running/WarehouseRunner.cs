using System.Globalization;
using Npgsql;
using Sandbox.Lessons.Grading;

namespace Sandbox.Lessons.Running;

/// <summary>
/// Runs lesson SQL on the warehouse in one REPEATABLE READ transaction (one snapshot for the solution and
/// the learner's query), read-only unless the lesson changes data, each query behind a savepoint it is
/// rolled back to, with a statement timeout; the transaction is always rolled back. Connect it with the
/// analyst role (read-only grants).
/// </summary>
public sealed class WarehouseRunner(NpgsqlDataSource warehouse, TimeSpan timeout, int maxRows = 100_000) : IQueryRunner
{
    public TimeSpan Timeout => timeout;

    public async Task<IQuerySession> OpenAsync(bool changesData, CancellationToken cancellationToken)
    {
        var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        try
        {
            var milliseconds = ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await using var begin = new NpgsqlCommand(
                $"begin isolation level repeatable read, {(changesData ? "read write" : "read only")}; " +
                // Redshift sessions run in UTC: timestamptz::date and date_trunc mean the UTC day, as the lessons say.
                $"set local statement_timeout = {milliseconds}; set local timezone = 'UTC'", connection);
            await begin.ExecuteNonQueryAsync(cancellationToken);
            return new Session(connection, timeout, maxRows);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class Session(NpgsqlConnection connection, TimeSpan timeout, int maxRows) : IQuerySession
    {
        public async Task<ResultSet> RunAsync(string sql, CancellationToken cancellationToken)
        {
            TransactionControl.Refuse(sql);
            await ExecuteAsync("savepoint lesson_query", cancellationToken);
            try
            {
                // The client-side timeout is only a backstop for a server that does not answer.
                await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)timeout.TotalSeconds + 30 };
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                return await ResultReader.ReadLastAsync(reader, maxRows, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new QueryFailedException(Classify(e.SqlState), Describe(e, sql), e);
            }
            catch (NpgsqlException e) when (e.InnerException is TimeoutException)
            {
                // The server did not stop the statement itself (its timeout should have): Npgsql gave up waiting.
                throw new QueryFailedException(QueryProblem.Timeout, $"no answer from the warehouse within {timeout.TotalSeconds + 30:0} s ({e.Message})", e);
            }
            finally
            {
                if (connection.State == System.Data.ConnectionState.Open)
                    await ExecuteAsync("rollback to savepoint lesson_query", CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection.State == System.Data.ConnectionState.Open) await ExecuteAsync("rollback", CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }

        private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static QueryProblem Classify(string sqlState) => sqlState switch
    {
        "42601" => QueryProblem.Syntax,
        "42703" => QueryProblem.UnknownColumn,
        "42P01" or "3F000" => QueryProblem.UnknownTable,
        "42883" => QueryProblem.UnknownFunction,
        "42803" => QueryProblem.Grouping,
        "57014" => QueryProblem.Timeout,
        "25006" or "42501" => QueryProblem.WriteRefused,
        "25001" or "25P01" or "2D000" or "3B001" => QueryProblem.TransactionControl,
        _ when sqlState.StartsWith("22", StringComparison.Ordinal) => QueryProblem.BadValue,
        _ => QueryProblem.Other,
    };

    private static string Describe(PostgresException e, string sql)
    {
        var message = $"{e.Severity}: {e.MessageText} (SQLSTATE {e.SqlState})";
        if (e.Position > 0 && e.Position <= sql.Length) message += $"\n  at {Where(sql, e.Position)}";
        if (!string.IsNullOrEmpty(e.Hint)) message += $"\n  hint: {e.Hint}";
        return message;
    }

    // Line and column of a 1-based character position, and the text from there to the end of the line.
    private static string Where(string sql, int position)
    {
        var before = sql[..(position - 1)];
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        var rest = sql[(position - 1)..].Split('\n')[0];
        return $"line {line}, column {column}: {rest}";
    }
}
