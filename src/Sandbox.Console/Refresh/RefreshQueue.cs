using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>Queues refreshes (from the API, the editor and the scheduler) and wakes this console's worker.</summary>
public sealed class RefreshQueue(SavedQueryStore queries, RunStore runs, RefreshWorker worker, Sources.DataSources sources)
{
    /// <summary>Queues a refresh of a saved query the caller has already been allowed to see.</summary>
    /// <param name="checkValues">Refuse values of the wrong type now (API callers); the scheduler lets the run fail and say why.</param>
    /// <exception cref="QueryInputException">A value is missing or of the wrong type (only with checkValues).</exception>
    public async Task<QueryRun> EnqueueAsync(SavedQuery query, IReadOnlyDictionary<string, string?> values, string trigger, int? userId,
        bool checkValues, CancellationToken ct)
    {
        if (checkValues) await sources.BindParametersAsync(query.Source, query.Sql, query.Parameters, values, ct);
        var key = ResultKey.For(query, values);
        var run = await runs.EnqueueAsync(query.Id, key.Values, key.ValuesKey, trigger, userId, ct);
        worker.Wake();
        return run;
    }

    /// <returns>Null when the query no longer exists.</returns>
    public async Task<QueryRun?> EnqueueAsync(int queryId, IReadOnlyDictionary<string, string?> values, string trigger, int? userId, CancellationToken ct) =>
        await queries.FindAsync(queryId, ct) is { } query ? await EnqueueAsync(query, values, trigger, userId, checkValues: false, ct) : null;
}
