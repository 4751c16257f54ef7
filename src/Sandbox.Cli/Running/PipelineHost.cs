using Sandbox.Core.Pipeline;

namespace Sandbox.Cli.Running;

/// <summary>
/// Runs several pipeline boxes in one process with the shared life cycle: start in order (the
/// sources last, so consumers are ready first), report progress, stop in reverse.
/// </summary>
public sealed class PipelineHost(IReadOnlyList<PipelineWorker> consumers, PipelineWorker? source, TextWriter output)
{
    private readonly System.Diagnostics.Stopwatch _sinceStart = new();

    private IEnumerable<PipelineWorker> All => source is null ? consumers : [.. consumers, source];

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
        output.WriteLine($"run: {string.Join(", ", All.Select(w => w.Name))} running");
    }

    /// <summary>
    /// Until the source has finished (a --once shipper) and every consumer has read at least as many
    /// records as the source sent, delivered all it read, and read nothing new for
    /// <paramref name="quietPeriod"/>. Consumers may also read older records, so the count alone is not
    /// enough; the quiet period must outlast a lease failover (a consumer waiting to take over a dead
    /// worker's shard reads nothing meanwhile) so that waiting is not mistaken for being at the tip.
    /// Progress: bars when <paramref name="progressBars"/> (a terminal), else a line per box every <paramref name="progressEvery"/>.
    /// </summary>
    public async Task WaitUntilDrainedAsync(TimeSpan quietPeriod, TimeSpan progressEvery, CancellationToken cancellationToken,
        bool progressBars = false)
    {
        if (source is null) throw new InvalidOperationException("draining needs a source (--from) that finishes (--once)");
        if (progressBars)
        {
            await ProgressBars.ShowAsync([.. All], source, tick => DrainAsync(source, quietPeriod, tick, cancellationToken));
        }
        else
        {
            var lastReport = DateTime.UtcNow;
            await DrainAsync(source, quietPeriod, () =>
            {
                if (DateTime.UtcNow - lastReport < progressEvery) return;
                Report();
                lastReport = DateTime.UtcNow;
            }, cancellationToken);
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
        if (await WorkerSupervision.WaitUntilCancelledOrStoppedAsync([.. All], cancellationToken) is { } stopped)
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
        foreach (var worker in All)
            output.WriteLine($"run: {worker.Name,-13} {worker.Counters}{(worker.ProgressNote is { } note ? $"; {note}" : "")}");
    }
}
