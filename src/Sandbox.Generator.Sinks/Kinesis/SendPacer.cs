using System.Diagnostics;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>
/// Holds the merged stream back to a target pace: the n-th event at n / rate seconds, or an event
/// received at t at (t - first) / speedup seconds. Without either it never waits.
/// </summary>
internal sealed class SendPacer(double? rate, double? speedup)
{
    // Sleeping for less than this costs more than it saves; the pace catches up on the next wait.
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromMilliseconds(2);
    private readonly Stopwatch _clock = new();
    private long _firstReceivedAt;
    private long _events;

    public void WaitFor(long receivedAtUnixMs, CancellationToken ct)
    {
        if (!_clock.IsRunning)
        {
            _clock.Start();
            _firstReceivedAt = receivedAtUnixMs;
        }
        var due = Due(receivedAtUnixMs);
        _events++;
        var ahead = due - _clock.Elapsed;
        if (ahead >= MinimumSleep) ct.WaitHandle.WaitOne(ahead);
        ct.ThrowIfCancellationRequested();
    }

    private TimeSpan Due(long receivedAtUnixMs) =>
        rate is { } r ? TimeSpan.FromSeconds(_events / r)
        : speedup is { } s ? TimeSpan.FromMilliseconds((receivedAtUnixMs - _firstReceivedAt) / s)
        : TimeSpan.Zero;
}
