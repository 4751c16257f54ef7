using Npgsql;

namespace Sandbox.Console.Queries;

public sealed record ResultColumn(string Name, string Type);

public sealed record RunSummary(long Rows, bool Truncated, TimeSpan Elapsed);

/// <summary>What the database said about a failed statement; Position is 1-based in the text the person wrote.</summary>
public sealed record QueryFailure(string Message, string? SqlState, int? Position, string? Detail, string? Hint)
{
    public static QueryFailure From(PostgresException error, PositionMap positions) => new(
        error.MessageText, error.SqlState, error.Position > 0 ? positions.ToOriginal(error.Position) : null, error.Detail, error.Hint);
}

/// <summary>The statement failed before its first row: nothing has been written to any sink.</summary>
public sealed class QueryFailedException(QueryFailure failure) : Exception(failure.Message)
{
    public QueryFailure Failure { get; } = failure;
}

/// <summary>Where a run's rows go: the editor's grid stream, a CSV or a JSON download.</summary>
public interface IResultSink
{
    Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken);

    ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken);

    Task EndAsync(RunSummary summary, CancellationToken cancellationToken);

    /// <summary>The statement failed after rows were sent (e.g. a division by zero at row 500,000).</summary>
    Task FailAsync(QueryFailure failure, CancellationToken cancellationToken);
}
