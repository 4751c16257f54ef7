namespace Sandbox.Console.State;

/// <summary>
/// A generation that moves whenever the console's state changes in a way lookups kept in memory
/// depend on (keys, users, saved queries, groups, stored results). A store that writes moves it
/// itself before it returns, so this process's next request sees the write; other consoles' writes
/// arrive as PostgreSQL notifications (<see cref="StateChangeListener"/>). While nothing listens
/// (before the listener started, after its connection dropped) memory is not used at all.
/// </summary>
public sealed class StateChanges
{
    private long _generation;
    private volatile bool _listening;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>True while notifications of other processes' writes arrive: only then is memory trusted.</summary>
    public bool Listening => _listening;

    public void Changed() => Interlocked.Increment(ref _generation);

    internal void SetListening(bool listening)
    {
        Changed();
        _listening = listening;
        Changed();
    }
}

/// <summary>
/// Values read from the console's state, kept until the next <see cref="StateChanges"/> generation.
/// A value read while a change happened is not kept (its generation moved during the read).
/// Absent values (null) are never kept: an unknown key or query costs a read each time.
/// </summary>
public sealed class StateMemo<TKey, TValue>(StateChanges? changes, int capacity = 10_000) where TKey : notnull where TValue : class
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TKey, (long Generation, TValue Value)> _kept = new();

    public async Task<TValue?> GetAsync(TKey key, Func<CancellationToken, Task<TValue?>> read, CancellationToken ct)
    {
        if (changes is not { Listening: true }) return await read(ct);
        var generation = changes.Generation;
        if (_kept.TryGetValue(key, out var kept) && kept.Generation == generation) return kept.Value;
        var value = await read(ct);
        if (value is null || !changes.Listening || changes.Generation != generation) return value;
        if (_kept.Count >= capacity) _kept.Clear();
        _kept[key] = (generation, value);
        return value;
    }
}
