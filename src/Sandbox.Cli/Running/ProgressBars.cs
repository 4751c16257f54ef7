using Sandbox.Core.Pipeline;
using Spectre.Console;

namespace Sandbox.Cli.Running;

/// <summary>
/// One bar per box while `sandbox run --once` drains: how many of the lines the shipper has read so
/// far each box has passed on (shipped, or delivered and rejected to the error path). The target
/// grows while the shipper is still reading, then stays at the day's line count.
/// </summary>
internal static class ProgressBars
{
    public static Task ShowAsync(IReadOnlyList<PipelineWorker> workers, PipelineWorker source, Func<Action, Task> drain) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context =>
            {
                var bars = workers.Select(worker => (Worker: worker, Bar: context.AddTask(worker.Name))).ToArray();
                return drain(() =>
                {
                    var target = Math.Max(1, source.Counters.In);
                    foreach (var (worker, bar) in bars)
                    {
                        var passedOn = worker.Counters.Out + worker.Counters.Rejected;
                        bar.MaxValue = Math.Max(target, passedOn);
                        bar.Value = passedOn;
                        bar.Description = worker.ProgressNote is { } note ? $"{worker.Name} ({Markup.Escape(note)})" : worker.Name;
                    }
                });
            });
}
