using Microsoft.Extensions.Hosting;

namespace Sandbox.Core.Pipeline;

/// <summary>
/// The life cycle every long-running box shares (shipper, each Firehose delivery stream, the
/// click-log event source mapping): start, readiness, graceful stop with a final checkpoint,
/// and in/out/rejected counts that must reconcile. Runs alone or with others in one host.
/// </summary>
public abstract class PipelineWorker(string name) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public WorkerCounters Counters { get; } = new();

    /// <summary>
    /// What the progress line shows beside the counters, e.g. the shipper's throttled sends: normal
    /// backpressure the box absorbs is counted there rather than logged as a warning. Null when nothing to say.
    /// </summary>
    public virtual string? ProgressNote => null;

    /// <summary>Completes once the worker has restored its checkpoint and is consuming; faults if it fails first.</summary>
    public Task Ready => _ready.Task;

    protected void MarkReady() => _ready.TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // graceful stop
        }
        catch (Exception error)
        {
            _ready.TrySetException(error);
            throw;
        }
        finally
        {
            _ready.TrySetCanceled(CancellationToken.None);
            await CheckpointAsync(CancellationToken.None);
        }
    }

    /// <summary>The work loop; must call <see cref="MarkReady"/> once consuming and honour the token.</summary>
    protected abstract Task RunAsync(CancellationToken stoppingToken);

    /// <summary>Persists progress (pos file, lease checkpoint...) on the way out; also called after errors.</summary>
    protected virtual Task CheckpointAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
