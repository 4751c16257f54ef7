using DuckDB.NET.Data;
using Sandbox.Lessons.Grading;

namespace Sandbox.Lessons.Running;

/// <summary>
/// Runs lesson SQL on a lake connection (DuckDB with the lake's views, see Sandbox.Lake's LakeSession; its
/// files are fixed while it is open, so every query sees the same data). Each query runs in a
/// transaction that is rolled back; a query past the timeout is interrupted.
/// </summary>
/// <param name="lake">An open connection; the runner does not own it.</param>
public sealed class LakeRunner(DuckDBConnection lake, TimeSpan timeout, int maxRows = 100_000) : IQueryRunner
{
    public TimeSpan Timeout => timeout;

    public Task<IQuerySession> OpenAsync(bool changesData, CancellationToken cancellationToken) =>
        Task.FromResult<IQuerySession>(new Session(this));

    private sealed class Session(LakeRunner runner) : IQuerySession
    {
        public Task<ResultSet> RunAsync(string sql, CancellationToken cancellationToken) => runner.RunAsync(sql, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private async Task<ResultSet> RunAsync(string sql, CancellationToken cancellationToken)
    {
        TransactionControl.Refuse(sql);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = () => limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested;
        await ExecuteAsync("begin transaction");
        try
        {
            await using var command = lake.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(limit.Token);
            return await ResultReader.ReadLastAsync(reader, maxRows, limit.Token);
        }
        catch (OperationCanceledException) when (timedOut())
        {
            throw new QueryFailedException(QueryProblem.Timeout, $"INTERRUPT Error: the query ran past {timeout.TotalSeconds:0} s");
        }
        catch (DuckDBException e)
        {
            throw new QueryFailedException(timedOut() ? QueryProblem.Timeout : Classify(e.Message), FirstLines(e.Message), e);
        }
        finally
        {
            await ExecuteAsync("rollback");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = lake.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static QueryProblem Classify(string message) => message switch
    {
        _ when message.StartsWith("Parser Error", StringComparison.Ordinal) => QueryProblem.Syntax,
        _ when message.Contains("must appear in the GROUP BY", StringComparison.Ordinal) => QueryProblem.Grouping,
        _ when message.Contains("Referenced column", StringComparison.Ordinal) => QueryProblem.UnknownColumn,
        _ when message.StartsWith("Catalog Error: Table", StringComparison.Ordinal) => QueryProblem.UnknownTable,
        _ when message.Contains("Function", StringComparison.Ordinal) && message.Contains("does not exist", StringComparison.Ordinal)
            || message.Contains("No function matches", StringComparison.Ordinal) => QueryProblem.UnknownFunction,
        _ when message.StartsWith("Conversion Error", StringComparison.Ordinal) || message.StartsWith("Out of Range Error", StringComparison.Ordinal)
            || message.StartsWith("Invalid Input Error", StringComparison.Ordinal) => QueryProblem.BadValue,
        _ when message.StartsWith("INTERRUPT", StringComparison.OrdinalIgnoreCase) => QueryProblem.Timeout,
        _ when message.Contains("read-only", StringComparison.OrdinalIgnoreCase) => QueryProblem.WriteRefused,
        _ => QueryProblem.Other,
    };

    // DuckDB appends candidate lists and the whole query after the message; the first lines say it.
    private static string FirstLines(string message) => string.Join('\n', message.Split('\n').Take(4)).TrimEnd();
}
