using Sandbox.Console.Hosting;
using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>Something else the scheduler runs on its tick (the daily digest).</summary>
public interface IScheduledTask
{
    Task TickAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// On start and then every tick: fails runs whose worker died (lease ran out) or that nobody took,
/// queues the refreshes of schedules that are due (with the schedule's parameter values), and
/// runs the other scheduled tasks.
/// </summary>
public sealed class RefreshScheduler(
    RefreshQueue queue, ScheduleStore schedules, RunStore runs, ConsoleSettings settings, IEnumerable<IScheduledTask> tasks,
    ILogger<RefreshScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.Refresh.SchedulerTick);
        do
        {
            try
            {
                await TickAsync(DateTimeOffset.UtcNow, stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "scheduler: this tick failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var dead in await runs.ReclaimAsync(settings.Refresh.QueueTimeout, ct))
            log.LogWarning("refresh {Run} of query {Query}: {Status}", dead.Id, dead.QueryId, dead.Status);
        await schedules.TakeDueAsync(now, async due =>
        {
            var run = await queue.EnqueueAsync(due.QueryId, due.Values, "schedule", null, ct);
            if (run is null) log.LogWarning("schedule of query {Query}: the query is gone", due.QueryId);
        }, ct);
        foreach (var task in tasks) await task.TickAsync(now, ct);
    }
}
