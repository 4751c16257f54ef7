using Sandbox.Core.Pipeline;

namespace Sandbox.Core.Tests.Pipeline;

public class WorkerSupervisionTests
{
    /// <summary>Runs until stopped, or fails after a delay when given a reason.</summary>
    private sealed class Box(string name, string? failWith = null) : PipelineWorker(name)
    {
        protected override async Task RunAsync(CancellationToken stoppingToken)
        {
            MarkReady();
            await Task.Delay(failWith is null ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(100), stoppingToken);
            if (failWith is not null) throw new IOException(failWith);
        }
    }

    [Fact]
    public async Task A_box_that_fails_ends_the_wait_and_is_named_with_its_reason()
    {
        PipelineWorker[] boxes = [new Box("healthy"), new Box("to-warehouse", failWith: "Kinesis gone")];
        foreach (var box in boxes) await box.StartAsync(CancellationToken.None);

        var stopped = await WorkerSupervision.WaitUntilCancelledOrStoppedAsync(boxes, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Same(boxes[1], stopped);
        Assert.Equal("Kinesis gone", WorkerSupervision.Why(stopped!));
        foreach (var box in boxes) await box.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Cancelling_ends_the_wait_with_no_box_to_blame()
    {
        PipelineWorker[] boxes = [new Box("healthy")];
        await boxes[0].StartAsync(CancellationToken.None);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var stopped = await WorkerSupervision.WaitUntilCancelledOrStoppedAsync(boxes, ctrlC.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(stopped);
        Assert.False(boxes[0].ExecuteTask!.IsCompleted);
        await boxes[0].StopAsync(CancellationToken.None);
    }
}
