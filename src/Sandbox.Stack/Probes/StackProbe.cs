using System.Diagnostics;

namespace Sandbox.Stack.Probes;

/// <summary>Runs every service's probe concurrently, each with its own timeout.</summary>
public sealed class StackProbe(IEnumerable<IServiceProbe> probes)
{
    public async Task<IReadOnlyList<ProbeResult>> ProbeAllAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(probes.Select(probe => ProbeOneAsync(probe, timeout, cancellationToken)));

    /// <summary>Polls until every service answers or the deadline passes; returns the last results.</summary>
    public async Task<IReadOnlyList<ProbeResult>> WaitUntilReadyAsync(TimeSpan deadline, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var results = await ProbeAllAsync(TimeSpan.FromSeconds(5), cancellationToken);
            if (results.All(r => r.Ready) || clock.Elapsed >= deadline) return results;
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task<ProbeResult> ProbeOneAsync(IServiceProbe probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var detail = await probe.ProbeAsync(timeoutSource.Token);
            return new ProbeResult(probe.Service, probe.Endpoint, true, detail, clock.Elapsed);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = error is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#}s" : FirstLine(error);
            return new ProbeResult(probe.Service, probe.Endpoint, false, reason, clock.Elapsed);
        }
    }

    private static string FirstLine(Exception error)
    {
        var innermost = error.GetBaseException();
        var message = innermost.Message.Split('\n')[0].Trim();
        return $"{innermost.GetType().Name}: {message}";
    }
}
