using System.Collections.Concurrent;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>
/// One app server's lines on their way to the merge, in received_at order. The generator thread
/// waits when the merge falls behind (bounded), and is stopped when the send is cancelled.
/// </summary>
internal sealed class ServerLineQueue(string server, int capacity, CancellationToken cancelled) : IServerEventStream
{
    private readonly BlockingCollection<QueuedLine> _lines = new(capacity);
    private long _count, _bytes, _lastReceivedAt = long.MinValue;
    private bool _completed;

    public string Server { get; } = server;

    /// <summary>Set when the generator stopped without completing (an error): the merge must not pass it off as the end.</summary>
    public bool Abandoned { get; private set; }

    public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
    {
        if (receivedAtUnixMs < _lastReceivedAt)
            throw new InvalidOperationException($"{Server}: received_at went back from {_lastReceivedAt} to {receivedAtUnixMs}; lines must arrive in order");
        _lastReceivedAt = receivedAtUnixMs;
        _lines.Add(new QueuedLine(line.ToArray(), receivedAtUnixMs), cancelled);
        _count++;
        _bytes += line.Length;
    }

    public IReadOnlyList<SinkOutput> Complete()
    {
        _completed = true;
        _lines.CompleteAdding();
        return [new SinkOutput($"{Server} (queued for kinesis)", _count, _bytes)];
    }

    /// <summary>Blocks until a line is there; false once the server completed and everything was taken.</summary>
    public bool TryTake(out QueuedLine line, CancellationToken ct) => _lines.TryTake(out line, Timeout.Infinite, ct);

    public void Dispose()
    {
        if (_completed) return;
        Abandoned = true;
        _lines.CompleteAdding();
    }
}

internal readonly record struct QueuedLine(byte[] Data, long ReceivedAtUnixMs);
