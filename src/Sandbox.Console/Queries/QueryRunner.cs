using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Sandbox.Console.Hosting;

namespace Sandbox.Console.Queries;

/// <summary>
/// Runs one person's statement on the warehouse (through the Redshift endpoint) as the read-only
/// analyst role, inside a read-only transaction with a statement timeout, streaming rows to a sink.
/// </summary>
public sealed class QueryRunner(NpgsqlDataSource warehouse, ConsoleSettings settings)
{
    /// <param name="rowCap">Stop after this many rows (the statement is then cancelled on the server); null for all.</param>
    /// <exception cref="QueryFailedException">The statement failed before its first row.</exception>
    /// <exception cref="OperationCanceledException">Cancelled: the statement was cancelled on the server.</exception>
    public async Task<RunSummary> RunAsync(BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LimitAsync(connection, transaction, cancellationToken);

        // One batch command: Npgsql sends its text as one statement (no splitting at ';'), so
        // "select 1; commit; insert ..." is refused by the server instead of escaping the read-only transaction.
        var statement = new NpgsqlBatchCommand(query.Sql);
        statement.Parameters.AddRange(query.Parameters.ToArray());
        await using var command = new NpgsqlBatch(connection, transaction) { BatchCommands = { statement } };
        NpgsqlDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (PostgresException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryFailedException(QueryFailure.From(error, query.Positions));
        }

        long rows = 0;
        var truncated = false;
        try
        {
            await sink.BeginAsync(Columns(reader), cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows == rowCap) { truncated = true; break; }
                await sink.WriteRowAsync(reader, cancellationToken);
                rows++;
            }
        }
        catch (PostgresException error) when (!cancellationToken.IsCancellationRequested)
        {
            await sink.FailAsync(QueryFailure.From(error, query.Positions), cancellationToken);
            return new RunSummary(rows, false, clock.Elapsed);
        }
        finally
        {
            // Past the cap the rest is not wanted: cancel on the server instead of draining it.
            if (truncated) command.Cancel();
            try { await reader.DisposeAsync(); }
            catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.QueryCanceled) { }
        }
        var summary = new RunSummary(rows, truncated, clock.Elapsed);
        await sink.EndAsync(summary, cancellationToken);
        return summary;
    }

    private async Task LimitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var timeout = ((long)settings.StatementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new("set transaction read only"), new($"set local statement_timeout = {timeout}") },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<ResultColumn> Columns(NpgsqlDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList();
}
