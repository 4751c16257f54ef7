using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Core.Pipeline;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Resilience;
using Sandbox.Shipper.Buffering;
using Sandbox.Shipper.Records;
using Sandbox.Shipper.Sending;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper;

/// <summary>
/// fluentd in_tail + file buffer + the kinesis_streams output as one pipeline box. One reader
/// thread tails the files into chunks; <see cref="ShipperOptions.FlushThreads"/> senders put them
/// to Kinesis. Counters: In = lines read (plus records recovered from the disk buffer at start),
/// Out = records Kinesis stored, Rejected = lines kept in the bad-lines file, Retried = record
/// sends that failed and were repeated. In = Out + Rejected + buffered.
/// </summary>
public sealed class ShipperWorker(ShipperOptions options, IKinesisClient client, ILogger<ShipperWorker>? log = null)
    : PipelineWorker("shipper")
{
    private readonly ILogger _log = log ?? NullLogger<ShipperWorker>.Instance;
    private ChunkQueue? _queue;
    private Intake? _intake;
    private PositionBook? _positions;
    private BadLinesFile? _badLines;
    private LogTailer? _tailer;
    private bool _skipCheckpoint;

    public ShipperOptions Options => options;
    public ShipperStats Stats { get; } = new();

    /// <summary>Sealed chunks not yet stored by Kinesis.</summary>
    public int BufferedChunks => _queue?.Chunks ?? 0;

    public int WatchedFiles => _tailer?.WatchedFiles ?? 0;

    public override string? ProgressNote => Stats.Throttled > 0 ? $"{Stats.Throttled:N0} throttled and resent" : null;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        options.Validate();
        Directory.CreateDirectory(options.StateDirectory);
        _positions = new PositionBook(new PositionFile(options.PositionFilePath, options.Fsync));
        var store = new ChunkStore(options.BufferDirectory, options.Fsync);
        _queue = new ChunkQueue(options.TotalLimitBytes);
        _badLines = new BadLinesFile(options.BadLinesPath, options.Fsync);
        _intake = new Intake(options, store, _queue, _badLines, _positions, Counters, Stats);
        Recover(store, stoppingToken);
        _tailer = new LogTailer(options, _positions.Positions, _intake, _log);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Every record a PutRecords call did not store is sent again: that is the Retried count.
        var sender = new ChunkSender(
            new PutRecordsCountingClient(client, onNotStored: n => Counters.AddRetried(n), onThrottled: n => Stats.AddThrottled(n)),
            options, Counters, Stats, _log);
        var senders = Enumerable.Range(0, options.FlushThreads)
            .Select(_ => CancelAllOnFault(Task.Run(() => SendLoopAsync(sender, store, failed.Token)), failed))
            .ToList();
        var reading = CancelAllOnFault(Task.Factory.StartNew(() => ReadLoop(failed.Token), failed.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default), failed);
        MarkReady();
        _log.LogInformation("shipper: tailing {Globs} under {Source} into stream {Stream}, state in {State}",
            string.Join(", ", options.Globs), options.SourceDirectory, options.StreamName, options.StateDirectory);
        await Task.WhenAll([reading, .. senders]).ConfigureAwait(false);
    }

    /// <summary>Chunks a previous run spilled but Kinesis never acknowledged go first; their positions count as reached.</summary>
    private void Recover(ChunkStore store, CancellationToken cancellationToken)
    {
        foreach (var chunk in store.Recover())
        {
            _positions!.Apply(chunk.Positions);
            Counters.AddIn(chunk.Count);
            Stats.AddRecovered(chunk.Count);
            _queue!.Add(chunk, cancellationToken, ignoreLimit: true);
            _intake!.NextSequence = Math.Max(_intake.NextSequence, chunk.Sequence + 1);
        }
        if (Stats.RecoveredRecords > 0)
            _log.LogInformation("shipper: recovered {Records} unsent records from {Chunks} buffer chunks", Stats.RecoveredRecords, _queue!.Chunks);
    }

    private void ReadLoop(CancellationToken cancellationToken)
    {
        _intake!.Use(cancellationToken);
        while (true)
        {
            var progressed = _tailer!.Pass(options.Once, cancellationToken);
            _intake.SealIfDue(cancellationToken);
            if (progressed) continue;
            if (options.Once)
            {
                _intake.Seal(cancellationToken);
                _queue!.Complete();
                return;
            }
            if (cancellationToken.WaitHandle.WaitOne(options.PollInterval)) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task SendLoopAsync(ChunkSender sender, ChunkStore store, CancellationToken cancellationToken)
    {
        await foreach (var chunk in _queue!.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await sender.SendAsync(chunk, cancellationToken).ConfigureAwait(false);
            store.Delete(chunk);
            _queue.Release(chunk);
        }
    }

    private static Task CancelAllOnFault(Task task, CancellationTokenSource all) =>
        task.ContinueWith(t =>
        {
            if (t.IsFaulted) all.Cancel();
            return t;
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();

    /// <summary>Seals the open chunk to disk and acknowledges its positions; unsent chunks stay in the buffer for the next run.</summary>
    protected override Task CheckpointAsync(CancellationToken cancellationToken)
    {
        if (!_skipCheckpoint && _intake is not null)
        {
            _intake.Seal(cancellationToken, enqueue: false);
            _log.LogInformation("shipper stopped: {Counters}; {Stats}; {Chunks} chunks left in the buffer", Counters, Stats, BufferedChunks);
        }
        _tailer?.Dispose();
        _badLines?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the way kill -9 would leave things: no final seal, no pos-file write; what was spilled
    /// and acknowledged stays, the open chunk is lost and read again from the files by the next run.
    /// </summary>
    internal async Task StopWithoutCheckpointAsync()
    {
        _skipCheckpoint = true;
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
