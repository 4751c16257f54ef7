using System.Numerics;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class ShardOrderTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MappingRig.CreateAsync(fixture, shards: 4);

    public Task DisposeAsync() => _rig.StopAllAsync();

    [Fact]
    public async Task Shards_run_in_parallel_one_batch_at_a_time_and_each_keeps_its_order()
    {
        var stored = await _rig.PutAsync(TestLines.Numbered(400, keys: 16));
        var function = new RecordingFunction { Delay = TimeSpan.FromMilliseconds(20) };
        var mapping = await _rig.StartAsync(_rig.Options() with { BatchSize = 10 }, function);

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 400, () => mapping.Metrics.ToString());

        Assert.False(function.Overlapped, "two batches of one shard were in the function at once");
        Assert.Equal(Enumerable.Range(0, 400), function.SucceededNumbers.Order()); // each record exactly once
        Assert.True(function.Invocations.Select(i => i.ShardId).Distinct().Count() > 1);
        foreach (var shard in function.Invocations.GroupBy(i => i.ShardId))
        {
            var sequences = shard.SelectMany(i => i.SequenceNumbers).Select(BigInteger.Parse).ToList();
            Assert.Equal(sequences.Order(), sequences);
            var expected = stored.Where(s => s.ShardId == shard.Key).Select(s => BigInteger.Parse(s.SequenceNumber!));
            Assert.Equal(expected, sequences);
        }
    }
}
