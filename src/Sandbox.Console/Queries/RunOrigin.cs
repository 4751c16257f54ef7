using Sandbox.Console.State;

namespace Sandbox.Console.Queries;

/// <summary>Who runs a statement, for which saved query (if any), and how: what the run history keeps.</summary>
/// <param name="Kind">editor, csv, json, parquet, api (results.*), widget or refresh.</param>
public sealed record RunOrigin(ConsoleUser? User, int? QueryId, string Kind);

/// <summary>Passes everything on to the real sink, counting rows and noting a failure that came after the first row.</summary>
public sealed class WatchedSink(IResultSink inner) : IResultSink
{
    public long Rows { get; private set; }

    public QueryFailure? Failure { get; private set; }

    public Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken) => inner.BeginAsync(columns, cancellationToken);

    public ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        Rows++;
        return inner.WriteRowAsync(row, cancellationToken);
    }

    public Task EndAsync(RunSummary summary, CancellationToken cancellationToken) => inner.EndAsync(summary, cancellationToken);

    public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        Failure = failure;
        return inner.FailAsync(failure, cancellationToken);
    }
}
