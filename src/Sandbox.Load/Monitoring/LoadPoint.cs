namespace Sandbox.Load.Monitoring;

/// <summary>One point of the run's series (a minute by default): rates over the interval, levels at its end.</summary>
public sealed record LoadPoint
{
    public required double AtSeconds { get; init; }
    public required double IntervalSeconds { get; init; }
    /// <summary>Lines the app servers wrote (at --speed max all are there at the start: the shipper's read rate instead).</summary>
    public required double? InputPerSecond { get; init; }
    /// <summary>Records PutRecords stored in Kinesis.</summary>
    public required double PutRecordsPerSecond { get; init; }
    /// <summary>Records a PutRecords did not store in the interval (throttled), when the shipper names them; null if unknown.</summary>
    public long? Throttled { get; init; }
    /// <summary>Lines written but not yet stored in Kinesis (the shipper's backlog), and what its buffer says it holds.</summary>
    public required long ShipperBacklog { get; init; }
    public required long ShipperBuffered { get; init; }
    /// <summary>consumer -> shard -> iterator age in ms.</summary>
    public required Dictionary<string, Dictionary<string, long>> IteratorAgeMs { get; init; }
    public required long WarehouseRows { get; init; }
    public required long ArchiveRecords { get; init; }
    /// <summary>destination -> (p50, p99, samples) in seconds over the samples that arrived in the interval.</summary>
    public required Dictionary<string, LatencyFigures> Latency { get; init; }
    /// <summary>process -> RSS MB and CPU % (of one core).</summary>
    public required Dictionary<string, ProcessStats.Reading> Processes { get; init; }

    public long MaxIteratorAgeMs(string consumer) => IteratorAgeMs.TryGetValue(consumer, out var shards) && shards.Count > 0 ? shards.Values.Max() : 0;
    public long MaxIteratorAgeMs() => IteratorAgeMs.Keys.Select(MaxIteratorAgeMs).DefaultIfEmpty(0).Max();
}

public sealed record LatencyFigures(double? P50, double? P99, int Samples)
{
    public static LatencyFigures Of(IReadOnlyCollection<double> seconds) =>
        new(DeliveryLatency.Percentile(seconds, 0.50), DeliveryLatency.Percentile(seconds, 0.99), seconds.Count);

    public override string ToString() => P50 is null ? "-" : $"{P50:0.#}/{P99:0.#} s";
}
