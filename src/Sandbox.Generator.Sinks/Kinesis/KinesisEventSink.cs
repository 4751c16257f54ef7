using System.Diagnostics;
using Sandbox.Generator.Output;
using Sandbox.Generator;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;
using Sandbox.Kinesis;
using Sandbox.Shipper.Records;

namespace Sandbox.Generator.Sinks.Kinesis;

/// <summary>
/// Output (b): every app server's lines merged in received_at order, paced, and sent with PutRecords
/// (partition key user_id, else anonymous_id, as the shipper keys them) by several concurrent
/// senders. A line is sent as generated, malformed or not: the pipeline must sort those out.
/// Call <see cref="Start"/> before generating and <see cref="CompleteAsync"/> after.
/// </summary>
public sealed class KinesisEventSink : IEventSink
{
    private readonly KinesisSinkOptions _options;
    private readonly ServerLineQueue[] _servers;
    private readonly PartitionSender[] _senders;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = new();
    private Task? _run;

    public KinesisEventSink(IKinesisClient client, KinesisSinkOptions options, int servers)
    {
        var problems = options.Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(options));
        _options = options;
        // Every record of every PutRecords call, resends included, so the summary can report retries.
        var counting = new PutRecordsCountingClient(client, onAttempted: Stats.AddAttempted);
        _servers = Enumerable.Range(0, servers)
            .Select(i => new ServerLineQueue(GeneratorRunner.ServerName(i), options.ServerQueueLines, _stop.Token)).ToArray();
        _senders = Enumerable.Range(0, options.Senders).Select(_ => new PartitionSender(counting, options, Stats)).ToArray();
    }

    public KinesisSendStats Stats { get; } = new();

    public string Describe() =>
        $"kinesis:{_options.StreamName} ({_options.Senders} senders, " +
        (_options.Rate is { } r ? $"{r:0.###} events/s)" : _options.Speedup is { } s ? $"speedup {s:0.###}x)" : "unpaced)");

    public IServerEventStream OpenServer(string serverName) =>
        _servers.FirstOrDefault(s => s.Server == serverName)
        ?? throw new ArgumentException($"server '{serverName}' is not one of the {_servers.Length} this sink merges", nameof(serverName));

    public void Start()
    {
        if (_run is not null) throw new InvalidOperationException("the Kinesis sink is already started");
        _clock.Start();
        var sending = _senders.Select(s => Task.Run(() => s.RunAsync(_stop.Token))).ToArray();
        var merging = Task.Factory.StartNew(Merge, TaskCreationOptions.LongRunning);
        _run = WatchAsync([merging, .. sending]);
    }

    /// <summary>Waits for every queued line to be sent; throws <see cref="KinesisSendException"/> with the counts on any give-up.</summary>
    public async Task<KinesisSendSummary> CompleteAsync()
    {
        if (_run is null) throw new InvalidOperationException("the Kinesis sink was never started");
        try
        {
            await _run;
        }
        catch (Exception e)
        {
            throw new KinesisSendException("sending to Kinesis stopped", Stats.Snapshot(_clock.Elapsed), e);
        }
        return Stats.Snapshot(_clock.Elapsed);
    }

    /// <summary>Stops the send (the generator threads waiting on the merge are released with a cancellation).</summary>
    public void Cancel() => _stop.Cancel();

    private async Task WatchAsync(Task[] parts)
    {
        // The first failure stops everything else; the others then fail with cancellations, reported as such.
        foreach (var part in parts)
            _ = part.ContinueWith(t => _stop.Cancel(), TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        try
        {
            await Task.WhenAll(parts);
        }
        catch
        {
            throw parts.Where(p => p.IsFaulted).Select(p => p.Exception!.InnerException!).FirstOrDefault()
                  ?? new OperationCanceledException("the Kinesis send was cancelled");
        }
    }

    private void Merge()
    {
        var pacer = new SendPacer(_options.Rate, _options.Speedup);
        try
        {
            foreach (var line in new ReceivedAtMerge(_servers).Lines(_stop.Token))
            {
                pacer.WaitFor(line.ReceivedAtUnixMs, _stop.Token);
                var key = PartitionKey.For(line.Data).Key;
                var sender = _senders[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_senders.Length];
                var entry = new PutRecordsRequestEntry { Data = line.Data, PartitionKey = key };
                if (!sender.Queue.TryWrite(entry)) sender.Queue.WriteAsync(entry, _stop.Token).AsTask().GetAwaiter().GetResult();
                Stats.AddMerged();
            }
            foreach (var sender in _senders) sender.Queue.Complete();
        }
        catch (Exception e)
        {
            foreach (var sender in _senders) sender.Queue.TryComplete(e);
            throw;
        }
    }
}
