using System.Diagnostics;
using Sandbox.Generator.Output;
using Sandbox.Generator;
using Spectre.Console;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>The progress bar of a sink run: polls a counter while the work runs, shows it with a rate.</summary>
public static class SinkProgress
{
    /// <param name="describe">Counter and events/s to the line shown next to the bar.</param>
    public static T Show<T>(string title, long expected, Func<Task<T>> start, Func<long> counter, Func<long, double, string> describe)
    {
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: expected);
                var clock = Stopwatch.StartNew();
                var work = start();
                while (!work.IsCompleted)
                {
                    Thread.Sleep(250);
                    var value = counter();
                    task.Value = Math.Min(value, expected);
                    task.Description = describe(value, value / Math.Max(0.001, clock.Elapsed.TotalSeconds));
                }
                result = work.GetAwaiter().GetResult();
                task.Value = expected;
            });
        return result;
    }
}
