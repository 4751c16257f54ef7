using System.Collections.Concurrent;
using System.Diagnostics;
using Sandbox.Load.Processes;

namespace Sandbox.Load.Chaos;

/// <summary>One injected fault and how long the run took to get over it.</summary>
public sealed record FaultRecord(string Target, double AtSeconds, double DownSeconds, double? BackUpAfterSeconds, double? CaughtUpAfterSeconds, string Detail);

/// <summary>What the run tells chaos about itself: whether a service answers, and whether the pipeline is back to where it was.</summary>
public interface IRunHealth
{
    Task<bool> KinesisAnswersAsync();
    Task<bool> WarehouseAnswersAsync();
    /// <summary>A snapshot to compare against after a fault (iterator ages, shipper backlog).</summary>
    object Baseline();
    bool CaughtUpWith(object baseline);
}

/// <summary>
/// --chaos: seeded SIGKILLs of the shipper, the Firehose host, the click-log host (restarted by the
/// run, as a supervisor would) and the Kinesis engine (restarted as it was started), each about
/// every <see cref="ChaosPlan.Every"/>, and the warehouse's PostgreSQL stopped once for
/// <see cref="ChaosPlan.Outage"/>. Each fault is recorded with the time until the process was back
/// and until the pipeline had caught up again.
/// </summary>
public sealed class ChaosMonkey(ChaosPlan plan, IReadOnlyDictionary<string, BoxProcess> boxes, ChaosServers servers, IRunHealth health, Stopwatch clock)
{
    private readonly ConcurrentBag<FaultRecord> _faults = [];
    private readonly ConcurrentDictionary<string, bool> _restarting = new();

    /// <summary>The target is between its SIGKILL and its start again: its exit is ours.</summary>
    public bool IsRestarting(string target) => _restarting.ContainsKey(target);

    /// <summary>A box exited on its own during chaos: started again at once, and listed with the faults.</summary>
    public void Crashed(string target, BoxProcess box)
    {
        var at = clock.Elapsed;
        var detail = $"exited {box.ExitCode} on its own, started again: {box.Tail.Split('\n').LastOrDefault(l => l.Contains("stopped on its own") || l.Length > 0)}";
        box.Start();
        lock (_recoveries) _recoveries.Add(RecordAsync($"{target} (crash)", at, TimeSpan.Zero, () => Task.FromResult(box.PrintedSinceStart), health.Baseline(), detail, _abort));
    }

    public IReadOnlyList<FaultRecord> Faults => _faults.OrderBy(f => f.AtSeconds).ToList();

    /// <summary>
    /// Injects faults until <paramref name="stop"/> (the load's input is complete), each target on
    /// its own seeded schedule (a process is killed again only after it was restarted); then waits
    /// until every fault has healed (or <paramref name="abort"/>).
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        _abort = abort;
        var targets = boxes.Keys.Append(ChaosServers.Kinesis).ToList();
        // One Random per target, seeded from the plan: a target's schedule does not depend on the others' timing.
        var loops = targets.Select((target, i) => KillLoopAsync(target, new Random(plan.Seed * 31 + i), stop, abort)).ToList();
        if (servers.Postgres is not null) loops.Add(OutageLoopAsync(new Random(plan.Seed * 31 + targets.Count), stop, abort));
        await Task.WhenAll(loops);
        Task[] recoveries;
        lock (_recoveries) recoveries = [.. _recoveries];
        await Task.WhenAll(recoveries);
    }

    private readonly List<Task> _recoveries = [];
    private CancellationToken _abort;

    private TimeSpan Jittered(Random random) => plan.Every * (0.5 + random.NextDouble());

    private async Task KillLoopAsync(string target, Random random, CancellationToken stop, CancellationToken abort)
    {
        while (true)
        {
            await Delay(Jittered(random), stop);
            if (stop.IsCancellationRequested) return;
            var down = TimeSpan.FromSeconds(random.NextDouble() * Math.Min(2, plan.Every.TotalSeconds / 2));
            var baseline = health.Baseline();
            var at = clock.Elapsed;
            string detail;
            Func<Task<bool>> backUp;
            if (boxes.TryGetValue(target, out var box))
            {
                detail = $"SIGKILL pid {box.Pid}";
                _restarting[target] = true;
                box.KillHard();
                await Delay(down, abort);
                box.Start();
                _restarting.TryRemove(target, out _);
                backUp = () => Task.FromResult(box.PrintedSinceStart);
            }
            else
            {
                var (killed, restarted) = await servers.KillAndRestartKinesisAsync(() => Delay(down, abort));
                detail = $"SIGKILL pid {killed}, restarted as pid {restarted}";
                backUp = health.KinesisAnswersAsync;
            }
            lock (_recoveries) _recoveries.Add(RecordAsync(target, at, down, backUp, baseline, detail, abort));
        }
    }

    /// <summary>The warehouse outage, once, at a seeded time within the first two <see cref="ChaosPlan.Every"/>.</summary>
    private async Task OutageLoopAsync(Random random, CancellationToken stop, CancellationToken abort)
    {
        await Delay(Jittered(random), stop);
        if (!stop.IsCancellationRequested) await OutageAsync(abort);
    }

    private async Task RecordAsync(string target, TimeSpan at, TimeSpan down, Func<Task<bool>> backUp, object baseline, string detail, CancellationToken abort) =>
        _faults.Add(await RecoveryAsync(target, at, down, backUp, baseline, detail, abort));

    private async Task OutageAsync(CancellationToken abort)
    {
        var baseline = health.Baseline();
        var at = clock.Elapsed;
        await servers.StopAndStartPostgresAsync(() => Delay(plan.Outage, abort));
        _faults.Add(await RecoveryAsync("warehouse", at, plan.Outage, health.WarehouseAnswersAsync, baseline,
            $"PostgreSQL ({servers.Postgres!.DataDirectory}) stopped with pg_ctl -m fast", abort));
    }

    private async Task<FaultRecord> RecoveryAsync(string target, TimeSpan at, TimeSpan down, Func<Task<bool>> backUp, object baseline, string detail, CancellationToken abort)
    {
        var restartedAt = clock.Elapsed;
        double? upAfter = null, caughtUpAfter = null;
        while (!abort.IsCancellationRequested && caughtUpAfter is null)
        {
            if (upAfter is null && await backUp()) upAfter = (clock.Elapsed - restartedAt).TotalSeconds;
            if (upAfter is not null && health.CaughtUpWith(baseline)) caughtUpAfter = (clock.Elapsed - restartedAt).TotalSeconds;
            else await Delay(TimeSpan.FromMilliseconds(200), abort);
        }
        return new FaultRecord(target, at.TotalSeconds, down.TotalSeconds, upAfter, caughtUpAfter, detail);
    }

    private static async Task Delay(TimeSpan delay, CancellationToken abort)
    {
        try { await Task.Delay(delay, abort); } catch (OperationCanceledException) { }
    }
}

public sealed record ChaosPlan(int Seed, TimeSpan Every, TimeSpan Outage);
