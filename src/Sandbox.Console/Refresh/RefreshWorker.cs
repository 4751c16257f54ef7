using System.Threading.Channels;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;
using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>Told about every refresh that ended, with its cached result or why it failed (alerts listen).</summary>
public interface IRefreshListener
{
    Task RefreshedAsync(QueryRun run, SavedQuery query, CachedResult? result, string? failure, CancellationToken ct);
}

/// <summary>
/// Takes queued refreshes from console.query_runs and runs them on the query's data source
/// (<see cref="CachedRunner"/>), renewing each run's lease while its statement runs; the result goes
/// to the cache. Several consoles may share the queue: a claim is a row lock (skip locked), a lease
/// that runs out is reclaimed by any of them.
/// </summary>
public sealed class RefreshWorker(
    RunStore runs, SavedQueryStore queries, CachedRunner cached, ConsoleSettings settings,
    IEnumerable<IRefreshListener> listeners, ILogger<RefreshWorker> log) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private RefreshSettings Options => settings.Refresh;

    /// <summary>This process's name on the runs it claims: host, process id and a random part (a restarted process is another worker).</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>A run was queued: look now instead of at the next poll.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Options.Workers).Select(_ => LoopAsync(stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await runs.ClaimAsync(Name, Options.RunLease, stoppingToken);
                if (run is null)
                {
                    using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    poll.CancelAfter(Poll);
                    try { await _wake.Reader.ReadAsync(poll.Token); }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
                    continue;
                }
                await RefreshAsync(run, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                log.LogError(error, "refresh worker {Worker}: the run queue did not answer; trying again", Name);
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RefreshAsync(QueryRun run, CancellationToken stoppingToken)
    {
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewAsync(run.Id, leaseLost);
        var saved = await queries.FindAsync(run.QueryId, stoppingToken);
        string? failure = null;
        CachedResult? result = null;
        try
        {
            if (saved is null) failure = $"query {run.QueryId} was deleted";
            else (result, failure) = await RunAsync(run, saved, leaseLost.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            failure = $"the console running it ({Name}) was stopped before the query finished";
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested)
        {
            log.LogWarning("refresh {Run}: the lease was taken away (reclaimed as dead); the statement was cancelled", run.Id);
            return;
        }
        finally
        {
            await leaseLost.CancelAsync();
            await renewing;
        }

        var ended = failure is null
            ? await runs.FinishAsync(run.Id, Name, result!.Id, CancellationToken.None)
            : await runs.FailAsync(run.Id, Name, failure, CancellationToken.None);
        if (!ended || saved is null) return;
        var finished = await runs.FindAsync(run.Id, CancellationToken.None) ?? run;
        foreach (var listener in listeners)
        {
            try { await listener.RefreshedAsync(finished, saved, result, failure, stoppingToken); }
            catch (Exception error) when (error is not OperationCanceledException) { log.LogError(error, "refresh {Run}: a listener failed", run.Id); }
        }
    }

    private async Task<(CachedResult? Result, string? Failure)> RunAsync(QueryRun run, SavedQuery saved, CancellationToken ct)
    {
        try
        {
            return (await cached.RunAsync(saved, run.Values, ct), null);
        }
        catch (QueryInputException bad)
        {
            return (null, bad.Message);
        }
        catch (QueryFailedException failed)
        {
            return (null, CachedRunner.Describe(failed.Failure));
        }
    }

    /// <summary>Renews the lease every third of it; when the run is no longer ours (reclaimed), cancels the statement.</summary>
    private async Task RenewAsync(long runId, CancellationTokenSource leaseLost)
    {
        var every = Options.RunLease / 3;
        while (!leaseLost.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, leaseLost.Token);
                if (!await runs.RenewAsync(runId, Name, Options.RunLease, leaseLost.Token))
                {
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception error)
            {
                // The state database did not answer: keep trying; past the lease another console reclaims the run.
                log.LogWarning(error, "refresh {Run}: renewing the lease failed", runId);
            }
        }
    }
}
