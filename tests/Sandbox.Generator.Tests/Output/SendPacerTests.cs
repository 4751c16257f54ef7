using System.Diagnostics;
using Sandbox.Generator.Sinks.Kinesis;

namespace Sandbox.Generator.Tests.Output;

public sealed class SendPacerTests
{
    [Fact]
    public void Speedup_replays_received_at_gaps_compressed()
    {
        var pacer = new SendPacer(rate: null, speedup: 10);
        var clock = Stopwatch.StartNew();
        pacer.WaitFor(1_000_000, CancellationToken.None);
        pacer.WaitFor(1_000_000 + 3_000, CancellationToken.None); // 3 s of received_at at 10x: due at 0.3 s
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"waited only {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void Without_pacing_nothing_waits_and_a_cancelled_send_stops()
    {
        var pacer = new SendPacer(rate: null, speedup: null);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10_000; i++) pacer.WaitFor(i * 60_000L, CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new SendPacer(1, null).WaitFor(0, cancelled.Token));
    }
}
