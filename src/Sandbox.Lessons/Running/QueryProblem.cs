namespace Sandbox.Lessons.Running;

/// <summary>What kind of trouble a query ran into, whatever the engine: decides what the lesson suggests.</summary>
public enum QueryProblem
{
    Syntax,
    UnknownColumn,
    UnknownTable,
    UnknownFunction,
    Grouping,
    Timeout,
    WriteRefused,
    TransactionControl,
    BadValue,
    TooManyRows,
    Other,
}

/// <summary>A query the engine refused or stopped: the database's own message and the problem it stands for.</summary>
public sealed class QueryFailedException(QueryProblem problem, string databaseMessage, Exception? inner = null)
    : Exception(databaseMessage, inner)
{
    public QueryProblem Problem { get; } = problem;
}
