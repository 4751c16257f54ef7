using System.Collections.Concurrent;
using Sandbox.ClickLog.Lambda;

namespace Sandbox.ClickLog.Tests.Infrastructure;

/// <summary>One invocation as the function saw it.</summary>
public sealed record Invocation(string ShardId, IReadOnlyList<string> SequenceNumbers, IReadOnlyList<byte[]> Data, bool Succeeded, DateTimeOffset At)
{
    public IReadOnlyList<int> Numbers => [.. Data.Select(TestLines.NumberOf)];
}

/// <summary>A function that remembers every invocation, fails batches holding a poison record, and notices overlapping batches of one shard.</summary>
public sealed class RecordingFunction : IKinesisFunction
{
    private readonly ConcurrentDictionary<string, int> _running = new();

    public string FunctionName => "recording-function";

    public ConcurrentQueue<Invocation> Invocations { get; } = new();

    /// <summary>Records whose data makes the whole invocation fail.</summary>
    public Func<byte[], bool> IsPoison { get; init; } = _ => false;

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public bool Overlapped { get; private set; }

    public IReadOnlyList<Invocation> Succeeded => [.. Invocations.Where(i => i.Succeeded)];

    public IReadOnlyList<int> SucceededNumbers => [.. Succeeded.SelectMany(i => i.Numbers)];

    public async Task HandleAsync(KinesisEvent kinesisEvent, CancellationToken cancellationToken)
    {
        var shardId = kinesisEvent.Records[0].EventId.Split(':')[0];
        if (_running.AddOrUpdate(shardId, 1, (_, n) => n + 1) > 1) Overlapped = true;
        try
        {
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
            var data = kinesisEvent.Records.Select(r => r.Kinesis.Data.ToArray()).ToList();
            var sequences = kinesisEvent.Records.Select(r => r.Kinesis.SequenceNumber).ToList();
            var poisoned = data.Any(IsPoison);
            Invocations.Enqueue(new Invocation(shardId, sequences, data, !poisoned, DateTimeOffset.UtcNow));
            if (poisoned) throw new InvalidOperationException("poison record in the batch");
        }
        finally
        {
            _running.AddOrUpdate(shardId, 0, (_, n) => n - 1);
        }
    }
}
