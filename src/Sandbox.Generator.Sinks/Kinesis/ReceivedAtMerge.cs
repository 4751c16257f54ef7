using Sandbox.Generator.Output;
using Sandbox.Generator;
namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>
/// A k-way merge of the app servers' queues into one stream in received_at order (ties go to the
/// lower server index, so the order is the same on every run). It waits for a server that has
/// nothing queued yet rather than guess: every server must be generating at the same time.
/// </summary>
internal sealed class ReceivedAtMerge(IReadOnlyList<ServerLineQueue> servers)
{
    private readonly PriorityQueue<(QueuedLine Line, int Server), (long, int)> _heads = new();

    public IEnumerable<QueuedLine> Lines(CancellationToken ct)
    {
        for (var s = 0; s < servers.Count; s++) Refill(s, ct);
        while (_heads.TryDequeue(out var head, out _))
        {
            yield return head.Line;
            Refill(head.Server, ct);
        }
    }

    private void Refill(int server, CancellationToken ct)
    {
        var queue = servers[server];
        if (queue.TryTake(out var line, ct)) _heads.Enqueue((line, server), (line.ReceivedAtUnixMs, server));
        else if (queue.Abandoned)
            throw new InvalidOperationException($"{queue.Server} stopped generating before its end: the merged stream would miss its lines");
    }
}
