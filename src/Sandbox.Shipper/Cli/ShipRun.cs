using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Sandbox.Shipper.Cli;

/// <summary>Runs a shipper in the foreground: progress every few seconds, graceful stop on Ctrl+C/SIGTERM, a summary line.</summary>
internal static class ShipRun
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(ShipperWorker worker, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        var clock = Stopwatch.StartNew();
        await worker.StartAsync(CancellationToken.None);
        var run = worker.ExecuteTask!;
        while (!run.IsCompleted && !stop.IsCancellationRequested)
        {
            await Task.WhenAny(run, Task.Delay(ProgressEvery, stop.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!run.IsCompleted) Console.WriteLine(Progress(worker, clock.Elapsed));
        }
        if (!run.IsCompleted) await worker.StopAsync(CancellationToken.None);
        var c = worker.Counters;
        Console.WriteLine($"ship: {(run.IsFaulted ? "failed" : worker.Options.Once ? "drained" : "stopped")} after {clock.Elapsed.TotalSeconds:N1} s: "
            + $"{c.In:N0} lines in, {c.Out:N0} records shipped, {c.Rejected:N0} rejected (see {worker.Options.BadLinesPath}), "
            + $"{c.Retried:N0} record sends retried ({worker.Stats.Throttled:N0} throttled), {c.InFlight:N0} buffered; {worker.Stats}");
        if (!run.IsFaulted) return 0;
        Console.Error.WriteLine($"ship: {run.Exception!.GetBaseException().Message}");
        return 1;
    }

    private static string Progress(ShipperWorker worker, TimeSpan elapsed) =>
        $"ship: {worker.Counters.Out:N0} shipped ({worker.Counters.Out / Math.Max(0.001, elapsed.TotalSeconds):N0}/s), "
        + $"{worker.Counters.InFlight:N0} buffered in {worker.BufferedChunks} chunks, {worker.Counters.Rejected:N0} rejected, "
        // Throttled sends so far (the retry layer resends them): `sandbox load` charts them per interval.
        + $"{worker.Stats.Throttled:N0} throttled, {worker.WatchedFiles} files";
}
