using Sandbox.Lessons.Grading;

namespace Sandbox.Lessons.Running;

/// <summary>Opens sessions on one engine in which a lesson's solution and a learner's query see the same data.</summary>
public interface IQueryRunner
{
    /// <summary>The longest a query may run.</summary>
    TimeSpan Timeout { get; }

    /// <param name="changesData">Let the SQL write (it is rolled back after each query); otherwise writes are refused by the engine.</param>
    Task<IQuerySession> OpenAsync(bool changesData, CancellationToken cancellationToken);
}

/// <summary>One snapshot of the data; every query's changes are undone before the next one runs. Disposing rolls back.</summary>
public interface IQuerySession : IAsyncDisposable
{
    /// <summary>Runs <paramref name="sql"/> (one or more statements) and returns the last result that has columns.</summary>
    /// <exception cref="QueryFailedException">The engine refused or stopped the query.</exception>
    Task<ResultSet> RunAsync(string sql, CancellationToken cancellationToken);
}
