using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Lambda;
using Sandbox.ClickLog.Mapping;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.ClickLog.Tests.Infrastructure;

/// <summary>A test stream, lease table and failure prefix, and mappings over them with fast test timings.</summary>
public sealed class MappingRig(ClickLogFixture fixture, string stream, string leaseTable)
{
    private readonly List<EventSourceMapping> _started = [];

    public string Stream => stream;

    public string FailurePrefix { get; } = ClickLogFixture.Unique("failed") + "/";

    public static async Task<MappingRig> CreateAsync(ClickLogFixture fixture, int shards = 1) =>
        new(fixture, await fixture.CreateStreamAsync(shards), await fixture.CreateLeaseTableAsync());

    public S3FailureDestination Failures(string uuid = "esm") => new(fixture.S3, fixture.ErrorBucket, FailurePrefix, uuid);

    public EventSourceMappingOptions Options() => new()
    {
        Uuid = ClickLogFixture.Unique("esm"),
        StreamName = stream,
        LeaseTable = leaseTable,
        StartingPosition = StartingPosition.TrimHorizon,
        IdlePollInterval = TimeSpan.FromMilliseconds(50),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaximumRetryDelay = TimeSpan.FromMilliseconds(50),
        OnFailure = Failures(),
        Leases = new LeaseOptions { FailoverTime = TimeSpan.FromSeconds(3) },
    };

    public async Task<EventSourceMapping> StartAsync(EventSourceMappingOptions options, IKinesisFunction function, TimeProvider? clock = null)
    {
        var mapping = new EventSourceMapping(options, function, fixture.Kinesis, fixture.Dynamo, clock ?? TimeProvider.System, NullLogger.Instance);
        _started.Add(mapping);
        await mapping.StartAsync(CancellationToken.None);
        await mapping.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return mapping;
    }

    /// <summary>The mapping's checkpoint per shard, as its leases hold them.</summary>
    public async Task<IReadOnlyDictionary<string, string>> CheckpointsAsync(EventSourceMappingOptions options) =>
        (await new LeaseTable(fixture.Dynamo, leaseTable, options.LeaseApplication).ListAsync(CancellationToken.None))
        .ToDictionary(lease => lease.ShardId, lease => lease.Checkpoint);

    public Task<IReadOnlyList<FailedBatch>> FailedBatchesAsync() => Failures().ListAsync(CancellationToken.None);

    public Task<IReadOnlyList<Kinesis.Model.PutRecordsResultEntry>> PutAsync(IEnumerable<(string Key, string Line)> records) =>
        fixture.PutAsync(stream, records);

    public async Task StopAllAsync()
    {
        foreach (var mapping in _started)
        {
            await mapping.StopAsync(CancellationToken.None);
            mapping.Dispose();
        }
        _started.Clear();
    }
}
