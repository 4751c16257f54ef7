using Sandbox.Generator.Sinks.Kinesis;

namespace Sandbox.Generator.Tests.Output;

public sealed class ReceivedAtMergeTests
{
    [Fact]
    public void Servers_merge_in_received_at_order_ties_by_server()
    {
        var queues = new[] { Queue("a", 1, 5, 5, 9), Queue("b", 2, 5, 8), Queue("c") };
        var merged = new ReceivedAtMerge(queues).Lines(CancellationToken.None)
            .Select(l => $"{(char)l.Data[0]}{l.ReceivedAtUnixMs}").ToList();
        Assert.Equal(["a1", "b2", "a5", "a5", "b5", "b8", "a9"], merged);
    }

    [Fact]
    public void A_server_that_stopped_without_completing_fails_the_merge()
    {
        var broken = new ServerLineQueue("b", 8, CancellationToken.None);
        broken.Write("b"u8, 3);
        broken.Dispose();
        var merge = new ReceivedAtMerge([Queue("a", 1), broken]);
        var error = Assert.Throws<InvalidOperationException>(() => merge.Lines(CancellationToken.None).ToList());
        Assert.Contains("b stopped generating", error.Message);
    }

    private static ServerLineQueue Queue(string name, params long[] times)
    {
        var queue = new ServerLineQueue(name, 16, CancellationToken.None);
        foreach (var t in times) queue.Write(System.Text.Encoding.ASCII.GetBytes(name), t);
        queue.Complete();
        return queue;
    }
}
