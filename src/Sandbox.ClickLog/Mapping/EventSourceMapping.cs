using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using Sandbox.ClickLog.Lambda;
using Sandbox.Core.Pipeline;
using Sandbox.Kinesis.Consumer;
using Sandbox.Kinesis;

namespace Sandbox.ClickLog.Mapping;

/// <summary>
/// A Lambda event source mapping on a Kinesis stream, with the function run in-process. Shards
/// are shared among mapping instances through KCL-style leases (the Firehose consumer's lease
/// table); each held shard has one poller, so shards run in parallel and each keeps its order.
/// </summary>
public sealed class EventSourceMapping : PipelineWorker
{
    private readonly EventSourceMappingOptions _options;
    private readonly IKinesisFunction _function;
    private readonly IKinesisClient _kinesis;
    private readonly LeaseCoordinator _leases;
    private readonly SemaphoreSlim _leaseLock = new(1, 1);
    private readonly BatchInvoker _invoker;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (Task Run, CancellationTokenSource Stop)> _pollers = [];

    public EventSourceMapping(EventSourceMappingOptions options, IKinesisFunction function, IKinesisClient kinesis,
        IAmazonDynamoDB dynamo, TimeProvider clock, ILogger logger)
        : base($"lambda:{function.FunctionName}")
    {
        _options = options.Validate();
        _function = function;
        _kinesis = kinesis;
        _clock = clock;
        _logger = logger;
        _leases = new LeaseCoordinator(new LeaseTable(dynamo, options.LeaseTable, options.LeaseApplication), kinesis,
            options.StreamName, options.Leases, clock);
        _invoker = new BatchInvoker(function, options, Counters, Metrics, clock, logger);
    }

    public MappingMetrics Metrics { get; } = new();

    public EventSourceMappingOptions Options => _options;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RefreshAsync(stoppingToken);
            MarkReady();
            _logger.LogInformation("{Mapping}: polling {Stream} from {Start}, batch size {BatchSize}", Name, _options.StreamName,
                _options.StartingPosition, _options.BatchSize);
            while (true)
            {
                await Task.Delay(_options.Leases.RefreshInterval, _clock, stoppingToken);
                await RefreshAsync(stoppingToken);
            }
        }
        finally
        {
            await StopPollersAsync();
        }
    }

    /// <summary>Graceful stop: every settled batch is checkpointed already; hand the leases to the next worker.</summary>
    protected override async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _leaseLock.WaitAsync(cancellationToken);
        try
        {
            await _leases.ReleaseAllAsync(cancellationToken);
        }
        catch (Exception error)
        {
            _logger.LogWarning(error, "{Mapping}: leases not released; another worker takes them after the failover time", Name);
        }
        finally
        {
            _leaseLock.Release();
        }
        _logger.LogInformation("{Mapping} stopped: {Metrics}", Name, Metrics);
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await LockedAsync(() => _leases.RefreshAsync(cancellationToken), cancellationToken);
        foreach (var (shardId, poller) in _pollers.ToArray())
        {
            if (poller.Run.IsFaulted) await poller.Run; // a failing destination or lease table stops the mapping
            if (poller.Run.IsCompleted || !_leases.Holds(shardId))
            {
                await poller.Stop.CancelAsync();
                _pollers.Remove(shardId);
            }
        }
        foreach (var lease in _leases.Held.Where(l => !l.IsFinished && !_pollers.ContainsKey(l.ShardId) && _leases.ParentsFinished(l)))
            await StartPollerAsync(lease, cancellationToken);
    }

    private async Task StartPollerAsync(Lease lease, CancellationToken cancellationToken)
    {
        var reader = new ShardReader(_kinesis, _options.StreamName, lease, 10_000, _options.StartingPosition);
        var poller = new ShardPoller(reader, _options, _invoker, CheckpointShardAsync, Counters, Metrics, _clock);
        await poller.PrimeAsync(cancellationToken);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _pollers[lease.ShardId] = (Task.Run(() => poller.RunAsync(stop.Token), CancellationToken.None), stop);
    }

    private Task<bool> CheckpointShardAsync(string shardId, string checkpoint, CancellationToken cancellationToken) =>
        LockedAsync(() => _leases.CheckpointAsync(shardId, checkpoint, cancellationToken), cancellationToken);

    private async Task StopPollersAsync()
    {
        foreach (var poller in _pollers.Values) await poller.Stop.CancelAsync();
        foreach (var (shardId, poller) in _pollers)
        {
            try
            {
                await poller.Run;
            }
            catch (OperationCanceledException)
            {
                // stopped mid-batch: not checkpointed, so the next run delivers it again
            }
            catch (Exception error)
            {
                _logger.LogError(error, "{Mapping}: poller of {Shard} failed", Name, shardId);
            }
            poller.Stop.Dispose();
        }
        _pollers.Clear();
    }

    private async Task<T> LockedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _leaseLock.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _leaseLock.Release();
        }
    }

    private Task LockedAsync(Func<Task> action, CancellationToken cancellationToken) =>
        LockedAsync(async () => { await action(); return true; }, cancellationToken);
}
