namespace Sandbox.Core.Pipeline;

/// <summary>
/// Hosting boxes until Ctrl+C (`sandbox run`, `sandbox firehose run`, `sandbox clicklog run`): a box
/// whose work loop ended on its own will never resume, so the host must say which and why instead of
/// idling with nothing flowing.
/// </summary>
public static class WorkerSupervision
{
    /// <summary>Waits for cancellation or for a started worker to stop on its own.</summary>
    /// <returns>The worker that stopped on its own; null when <paramref name="cancellationToken"/> ended the wait.</returns>
    public static async Task<PipelineWorker?> WaitUntilCancelledOrStoppedAsync(IReadOnlyList<PipelineWorker> workers, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource();
        await using var registration = cancellationToken.Register(cancelled.SetResult);
        await Task.WhenAny(workers.Select(w => w.ExecuteTask ?? Task.CompletedTask).Append(cancelled.Task));
        return cancellationToken.IsCancellationRequested ? null : StoppedOnItsOwn(workers);
    }

    /// <summary>The first started worker whose work loop has ended.</summary>
    public static PipelineWorker? StoppedOnItsOwn(IEnumerable<PipelineWorker> workers) =>
        workers.FirstOrDefault(w => w.ExecuteTask?.IsCompleted == true);

    /// <summary>Why a worker's loop ended: its error, or that it returned.</summary>
    public static string Why(PipelineWorker worker) =>
        worker.ExecuteTask?.Exception?.GetBaseException().Message ?? "it returned";
}
