using Microsoft.Extensions.Hosting;

namespace Sandbox.Hosting;

/// <summary>
/// Group commit: acknowledged writes are already in the OS; this fsyncs them every
/// <paramref name="interval"/> and once more when the host stops, after the last request.
/// </summary>
public abstract class PeriodicSync(TimeSpan interval) : BackgroundService
{
    /// <summary>fsyncs everything written so far.</summary>
    protected abstract void Sync();

    /// <summary>Other upkeep that rides on the same timer, after each sync.</summary>
    protected virtual void AfterSync()
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sync();
                AfterSync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Sync();
    }
}
