using Sandbox.ClickLog.Tests.Infrastructure;
using Sandbox.Kinesis.Consumer;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class StartingPositionTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MappingRig.CreateAsync(fixture, shards: 2);

    public Task DisposeAsync() => _rig.StopAllAsync();

    private static IEnumerable<(string Key, string Line)> Later(int count) =>
        TestLines.Numbered(count).Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":10")));

    [Fact]
    public async Task Trim_horizon_reads_what_the_stream_already_holds()
    {
        await _rig.PutAsync(TestLines.Numbered(6));
        var function = new RecordingFunction();
        await _rig.StartAsync(_rig.Options() with { StartingPosition = StartingPosition.TrimHorizon }, function);
        await _rig.PutAsync(Later(4));

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 10, () => $"{function.SucceededNumbers.Count} of 10");
        Assert.Equal([0, 1, 2, 3, 4, 5, 100, 101, 102, 103], function.SucceededNumbers.Order());
    }

    [Fact]
    public async Task Latest_reads_only_records_put_after_the_mapping_started()
    {
        await _rig.PutAsync(TestLines.Numbered(6));
        var function = new RecordingFunction();
        var mapping = await _rig.StartAsync(_rig.Options() with { StartingPosition = StartingPosition.Latest }, function);
        await _rig.PutAsync(Later(4));

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 4, () => $"{function.SucceededNumbers.Count} of 4");
        await Task.Delay(300);
        Assert.Equal([100, 101, 102, 103], function.SucceededNumbers.Order());
        Assert.Equal(4, mapping.Metrics.PolledEventCount);
    }

    [Fact]
    public async Task At_timestamp_reads_from_the_first_record_that_arrived_at_or_after_it()
    {
        await _rig.PutAsync(TestLines.Numbered(6));
        await Task.Delay(300);
        var cut = DateTimeOffset.UtcNow;
        await Task.Delay(300);
        await _rig.PutAsync(Later(4));
        var function = new RecordingFunction();
        await _rig.StartAsync(_rig.Options() with { StartingPosition = StartingPosition.AtTimestamp(cut) }, function);

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 4, () => $"{function.SucceededNumbers.Count} of 4");
        await Task.Delay(300);
        Assert.Equal([100, 101, 102, 103], function.SucceededNumbers.Order());
    }

    [Fact]
    public void At_timestamp_without_a_timestamp_is_refused()
    {
        var options = _rig.Options() with { StartingPosition = new StartingPosition(Kinesis.Model.ShardIteratorType.AT_TIMESTAMP) };
        Assert.Contains("StartingPositionTimestamp", Assert.Throws<ArgumentException>(() => options.Validate()).Message);
    }
}
