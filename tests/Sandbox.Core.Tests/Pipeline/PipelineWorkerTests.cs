using Sandbox.Core.Pipeline;

namespace Sandbox.Core.Tests.Pipeline;

public class PipelineWorkerTests
{
    /// <summary>Counts one record per loop turn until stopped, or fails when told to.</summary>
    private sealed class CountingWorker(bool fail = false) : PipelineWorker("counting")
    {
        public int Checkpoints;

        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            if (fail) throw new InvalidOperationException("source unreadable");
            MarkReady();
            while (true)
            {
                Counters.AddIn(1);
                Counters.AddOut(1);
                await Task.Delay(5, stoppingToken);
            }
        }

        protected override Task CheckpointAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Checkpoints);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Becomes_ready_then_stops_gracefully_with_a_final_checkpoint()
    {
        var worker = new CountingWorker();

        await worker.StartAsync(CancellationToken.None);
        await worker.Ready.WaitAsync(TimeSpan.FromSeconds(5));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(1, worker.Checkpoints);
        Assert.True(worker.Counters.In > 0);
        Assert.Equal(0, worker.Counters.InFlight);
    }

    [Fact]
    public async Task A_failure_before_ready_faults_readiness_and_still_checkpoints()
    {
        var worker = new CountingWorker(fail: true);

        await worker.StartAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.Ready.WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal("source unreadable", error.Message);
        Assert.Equal(1, worker.Checkpoints);
    }

    [Fact]
    public void Counters_reconcile_in_flight_records()
    {
        var counters = new WorkerCounters();
        counters.AddIn(10);
        counters.AddOut(6);
        counters.AddRejected(1);

        Assert.Equal(3, counters.InFlight);
        Assert.Equal("in 10, out 6, rejected 1, retried 0, in flight 3", counters.ToString());
    }
}
