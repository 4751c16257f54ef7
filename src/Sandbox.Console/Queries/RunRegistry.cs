using System.Collections.Concurrent;

namespace Sandbox.Console.Queries;

/// <summary>Runs in flight by (user, run id), so a Cancel from the page cancels the statement on the server.</summary>
public sealed class RunRegistry
{
    private readonly ConcurrentDictionary<(int User, string Run), CancellationTokenSource> _runs = new();

    public Registration Register(int userId, string runId, CancellationToken requestAborted)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        if (!_runs.TryAdd((userId, runId), source))
        {
            source.Dispose();
            throw new QueryInputException($"run id '{runId}' is already running: use a new one per run");
        }
        return new Registration(this, (userId, runId), source);
    }

    /// <returns>False when the user has no run of that id in flight.</returns>
    public bool Cancel(int userId, string runId)
    {
        if (!_runs.TryGetValue((userId, runId), out var source)) return false;
        source.Cancel();
        return true;
    }

    public sealed class Registration(RunRegistry registry, (int, string) key, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            registry._runs.TryRemove(key, out _);
            source.Dispose();
        }
    }
}
