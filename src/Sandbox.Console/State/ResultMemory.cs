using System.Collections.Concurrent;

namespace Sandbox.Console.State;

/// <summary>
/// Results read from console.query_results kept in the process, by id: a stored result never
/// changes (a refresh adds a new id), so the rows need not cross from PostgreSQL on every read
/// (issue #14's 50 API clients). Bounded by the rows' characters; the oldest entries go first.
/// </summary>
public sealed class ResultMemory(long budgetChars = ResultMemory.DefaultBudgetChars)
{
    /// <summary>About 128 MB of UTF-16 rows text.</summary>
    public const long DefaultBudgetChars = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<long, CachedResult> _results = new();
    private readonly ConcurrentQueue<long> _order = new();
    private long _chars;

    public bool TryGet(long id, out CachedResult result) => _results.TryGetValue(id, out result!);

    public void Add(CachedResult result)
    {
        if (result.RowsJson.Length > budgetChars || !_results.TryAdd(result.Id, result)) return;
        _order.Enqueue(result.Id);
        Interlocked.Add(ref _chars, result.RowsJson.Length);
        while (Interlocked.Read(ref _chars) > budgetChars && _order.TryDequeue(out var oldest))
            if (_results.TryRemove(oldest, out var evicted)) Interlocked.Add(ref _chars, -evicted.RowsJson.Length);
    }
}
