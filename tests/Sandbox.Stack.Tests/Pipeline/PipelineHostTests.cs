using Sandbox.Core.Pipeline;
using Sandbox.Stack.Pipeline;

namespace Sandbox.Stack.Tests.Pipeline;

public class PipelineHostTests
{
    /// <summary>Produces a fixed number of records into a shared channel, then finishes (a --once shipper).</summary>
    private sealed class Source(int records, System.Threading.Channels.Channel<int> channel) : PipelineWorker("source")
    {
        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            MarkReady();
            for (var i = 0; i < records; i++)
            {
                Counters.AddIn(1);
                await channel.Writer.WriteAsync(i, stoppingToken);
                Counters.AddOut(1);
                if (i % 10 == 0) await Task.Delay(1, stoppingToken);
            }
        }
    }

    /// <summary>Reads the channel and delivers after a buffering delay, like a delivery stream.</summary>
    private sealed class Consumer(System.Threading.Channels.Channel<int> channel, TimeSpan buffering) : PipelineWorker("consumer")
    {
        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            MarkReady();
            await foreach (var record in channel.Reader.ReadAllAsync(stoppingToken))
            {
                Counters.AddIn(1);
                _ = Task.Delay(buffering, stoppingToken).ContinueWith(_ => Counters.AddOut(1), TaskScheduler.Default);
            }
        }
    }

    [Fact]
    public async Task Drains_only_after_the_source_finished_and_the_consumer_delivered_everything()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var consumer = new Consumer(channel, TimeSpan.FromMilliseconds(300));
        var source = new Source(500, channel);
        var host = new PipelineHost([consumer], source, TextWriter.Null);

        await host.StartAsync(CancellationToken.None);
        await host.WaitUntilDrainedAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(500, source.Counters.Out);
        Assert.Equal(500, consumer.Counters.In);
        Assert.Equal(500, consumer.Counters.Out);
        await host.StopAsync();
    }

    [Fact]
    public async Task Progress_lines_and_the_end_to_end_rate_are_written_while_draining()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var output = new StringWriter();
        var host = new PipelineHost([new Consumer(channel, TimeSpan.FromMilliseconds(300))], new Source(200, channel), output);

        await host.StartAsync(CancellationToken.None);
        await host.WaitUntilDrainedAsync(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100), CancellationToken.None);

        var text = output.ToString();
        Assert.Contains("run: consumer      in 200, out 200", text);
        Assert.Matches(@"run: caught up after \d+\.\d s: 200 records shipped and delivered \([\d,]+ records/s end to end\)", text);
        Assert.NotNull(host.CaughtUpAfter);
        await host.StopAsync();
    }

    /// <summary>Reads nothing until released (a consumer waiting for a dead worker's lease to expire).</summary>
    private sealed class LateConsumer(System.Threading.Channels.Channel<int> channel, Task released) : PipelineWorker("late")
    {
        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            MarkReady();
            await released.WaitAsync(stoppingToken);
            await foreach (var record in channel.Reader.ReadAllAsync(stoppingToken))
            {
                Counters.AddIn(1);
                Counters.AddOut(1);
            }
        }
    }

    [Fact]
    public async Task A_consumer_that_has_not_started_reading_is_not_taken_for_drained()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var release = new TaskCompletionSource();
        var consumer = new LateConsumer(channel, release.Task);
        var host = new PipelineHost([consumer], new Source(100, channel), TextWriter.Null);
        await host.StartAsync(CancellationToken.None);

        var draining = host.WaitUntilDrainedAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(1), CancellationToken.None);
        await Task.Delay(1000);
        Assert.False(draining.IsCompleted);
        release.SetResult();
        await draining;

        Assert.Equal(100, consumer.Counters.Out);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_drain_that_outlasts_its_timeout_fails_with_every_box_counters()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var never = new TaskCompletionSource();
        var host = new PipelineHost([new LateConsumer(channel, never.Task)], new Source(10, channel), TextWriter.Null);
        await host.StartAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            host.WaitUntilDrainedAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(1), CancellationToken.None, timeout: TimeSpan.FromSeconds(1)));

        Assert.Contains("did not deliver everything within 1 s", error.Message);
        Assert.Contains("late in 0, out 0", error.Message);
        Assert.Contains("source in 10, out 10", error.Message);
        await host.StopAsync();
    }

    private sealed class FailingConsumer() : PipelineWorker("to-nowhere")
    {
        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            MarkReady();
            await Task.Delay(200, stoppingToken);
            throw new IOException("destination unreachable");
        }
    }

    [Fact]
    public async Task A_consumer_that_dies_fails_the_drain_with_its_reason()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<int>();
        var host = new PipelineHost([new FailingConsumer()], new Source(10, channel), TextWriter.Null);
        await host.StartAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.WaitUntilDrainedAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Equal("to-nowhere stopped before the run drained: destination unreachable", error.Message);
    }

    [Fact]
    public async Task Running_until_ctrl_c_fails_with_the_reason_when_a_consumer_dies()
    {
        var host = new PipelineHost([new FailingConsumer()], null, TextWriter.Null);
        await host.StartAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RunUntilCancelledAsync(CancellationToken.None));

        Assert.Equal("to-nowhere stopped on its own: destination unreachable", error.Message);
        await host.StopAsync();
    }

    [Fact]
    public async Task Draining_without_a_source_is_refused()
    {
        var host = new PipelineHost([], null, TextWriter.Null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.WaitUntilDrainedAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("needs a source", error.Message);
    }
}
