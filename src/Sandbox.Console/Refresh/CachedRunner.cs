using Sandbox.Console.Queries;
using Sandbox.Console.Sources;
using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>
/// Runs a saved query on its data source into the result cache: the refresh workers and dashboard
/// widgets whose cached result is stale both go through here, so either kind of run serves the other.
/// </summary>
public sealed class CachedRunner(DataSources sources, ResultCacheStore cache, RefreshSettings settings)
{
    /// <exception cref="QueryInputException">A value does not fit its parameter (nothing ran).</exception>
    /// <exception cref="QueryFailedException">The statement failed (nothing is cached).</exception>
    public async Task<CachedResult> RunAsync(SavedQuery saved, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var key = ResultKey.For(saved, values);
        var bound = DataSources.Bind(saved.Source, saved.Sql, saved.Parameters, values);
        var sink = new CacheSink();
        var summary = await sources.RunAsync(saved.Source, bound, sink, settings.CacheRowCap, ct);
        if (sink.Failure is { } late) throw new QueryFailedException(late);
        var rowsJson = sink.RowsJson;
        var runtime = (long)summary.Elapsed.TotalMilliseconds;
        var id = await cache.StoreAsync(saved.Id, key.ValuesKey, key.SqlHash, sink.Columns, rowsJson, summary.Rows, summary.Truncated, runtime, ct);
        return new CachedResult(id, saved.Id, sink.Columns, rowsJson, summary.Rows, summary.Truncated, runtime, DateTimeOffset.UtcNow);
    }

    public static string Describe(QueryFailure failure) =>
        failure.Message + (failure.Position is { } at ? $" (at character {at})" : "") + (failure.SqlState is { } state ? $" [SQLSTATE {state}]" : "");
}
