using Sandbox.Core.Pipeline;

namespace Sandbox.Stack.Pipeline;

/// <summary>
/// Runs several pipeline boxes in one process with the shared life cycle: start in order (the
/// sources last, so consumers are ready first), report progress, stop in reverse. `sandbox run` and
/// the scenarios host their boxes here, so "drained" means one thing (<see cref="WaitUntilDrainedAsync"/>).
/// </summary>
public sealed class PipelineHost(IReadOnlyList<PipelineWorker> consumers, PipelineWorker? source, TextWriter output)
{
    private readonly System.Diagnostics.Stopwatch _sinceStart = new();

    /// <summary>Shows progress while draining: runs <c>drain</c>, handing it the tick to call every 250 ms (e.g. the CLI's bars).</summary>
    public delegate Task ProgressView(IReadOnlyList<PipelineWorker> workers, PipelineWorker source, Func<Action, Task> drain);

    public IReadOnlyList<PipelineWorker> Workers => source is null ? consumers : [.. consumers, source];

    /// <summary>From start until every consumer had delivered all the source sent (the quiet period excluded); set by <see cref="WaitUntilDrainedAsync"/>.</summary>
    public TimeSpan? CaughtUpAfter { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _sinceStart.Start();
        foreach (var worker in consumers)
        {
            await worker.StartAsync(cancellationToken);
            await worker.Ready.WaitAsync(cancellationToken);
        }
        if (source != null) await source.StartAsync(cancellationToken);
        output.WriteLine($"run: {string.Join(", ", Workers.Select(w => w.Name))} running");
    }

    /// <summary>
    /// The drain rule: the source has finished (a --once shipper), and every consumer has read at
    /// least as many records as the source sent, delivered or rejected all it read (nothing in
    /// flight), and read nothing new for <paramref name="quietPeriod"/>. Consumers may also read older
    /// records, so the count alone is not enough; where other workers share the stream's leases the
    /// quiet period must outlast a lease failover (a consumer waiting to take over a dead worker's
    /// shard reads nothing meanwhile) so that waiting is not mistaken for being at the tip.
    /// Progress: <paramref name="view"/> when given (a terminal's bars), else a line per box every <paramref name="progressEvery"/>.
    /// A consumer that stops fails the wait with its reason; so does <paramref name="timeout"/> passing, with every box's counters.
    /// </summary>
    public async Task WaitUntilDrainedAsync(TimeSpan quietPeriod, TimeSpan progressEvery, CancellationToken cancellationToken,
        ProgressView? view = null, TimeSpan? timeout = null)
    {
        if (source is null) throw new InvalidOperationException("draining needs a source (--from) that finishes (--once)");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit) deadline.CancelAfter(limit);
        try
        {
            if (view is not null)
            {
                await view(Workers, source, tick => DrainAsync(source, quietPeriod, tick, deadline.Token));
            }
            else
            {
                var lastReport = DateTime.UtcNow;
                await DrainAsync(source, quietPeriod, () =>
                {
                    if (DateTime.UtcNow - lastReport < progressEvery) return;
                    Report();
                    lastReport = DateTime.UtcNow;
                }, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the pipeline did not deliver everything within {timeout!.Value.TotalSeconds:N0} s: {Describe()}");
        }
        var sent = source.Counters.Out;
        output.WriteLine($"run: caught up after {CaughtUpAfter!.Value.TotalSeconds:0.0} s: {sent:N0} records shipped and delivered " +
                         $"({sent / CaughtUpAfter.Value.TotalSeconds:N0} records/s end to end)");
    }

    private async Task DrainAsync(PipelineWorker source, TimeSpan quietPeriod, Action progress, CancellationToken cancellationToken)
    {
        while (!source.ExecuteTask!.IsCompleted)
        {
            await Task.WhenAny(source.ExecuteTask, Task.Delay(250, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfAnyStopped();
            progress();
        }
        await source.ExecuteTask; // a failed source says why
        var sent = source.Counters.Out;
        var lastIn = consumers.Select(c => c.Counters.In).ToArray();
        var quietSince = DateTime.UtcNow;
        while (true)
        {
            await Task.Delay(250, cancellationToken);
            ThrowIfAnyStopped();
            progress();
            var nowIn = consumers.Select(c => c.Counters.In).ToArray();
            var behind = consumers.Any(c => c.Counters.InFlight > 0 || c.Counters.In < sent);
            var busy = behind || !nowIn.SequenceEqual(lastIn);
            if (busy) quietSince = DateTime.UtcNow;
            // The rate a load test reports: the quiet period only proves nothing more is coming.
            if (behind) CaughtUpAfter = null;
            else CaughtUpAfter ??= _sinceStart.Elapsed;
            lastIn = nowIn;
            if (DateTime.UtcNow - quietSince >= quietPeriod) return;
        }
    }

    /// <summary>A consumer that stopped on its own will never catch up: say which and why instead of waiting forever.</summary>
    private void ThrowIfAnyStopped()
    {
        if (WorkerSupervision.StoppedOnItsOwn(consumers) is { } stopped)
            throw new InvalidOperationException($"{stopped.Name} stopped before the run drained: {WorkerSupervision.Why(stopped)}");
    }

    /// <summary>Until Ctrl+C; a box that stops on its own meanwhile fails the run with its reason.</summary>
    public async Task RunUntilCancelledAsync(CancellationToken cancellationToken)
    {
        if (await WorkerSupervision.WaitUntilCancelledOrStoppedAsync(Workers, cancellationToken) is { } stopped)
            throw new InvalidOperationException($"{stopped.Name} stopped on its own: {WorkerSupervision.Why(stopped)}");
    }

    public async Task StopAsync()
    {
        if (source != null) await source.StopAsync(CancellationToken.None);
        foreach (var worker in consumers.Reverse()) await worker.StopAsync(CancellationToken.None);
        Report();
    }

    public void Report()
    {
        foreach (var worker in Workers)
            output.WriteLine($"run: {worker.Name,-13} {worker.Counters}{(worker.ProgressNote is { } note ? $"; {note}" : "")}");
    }

    /// <summary>Every box's counters on one line, for errors.</summary>
    public string Describe() =>
        string.Join("; ", Workers.Select(w => $"{w.Name} {w.Counters}{(w.ProgressNote is { } note ? $" ({note})" : "")}"));
}
