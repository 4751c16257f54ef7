using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class BatchingTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MappingRig.CreateAsync(fixture);

    public Task DisposeAsync() => _rig.StopAllAsync();

    [Fact]
    public async Task Batches_hold_at_most_batch_size_records_and_every_record_once()
    {
        await _rig.PutAsync(TestLines.Numbered(250));
        var function = new RecordingFunction();
        var mapping = await _rig.StartAsync(_rig.Options() with { BatchSize = 100, MaximumBatchingWindow = TimeSpan.FromMilliseconds(300) }, function);

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 250, () => $"{function.SucceededNumbers.Count} of 250");

        Assert.Equal([100, 100, 50], function.Invocations.Select(i => i.Numbers.Count));
        Assert.Equal(Enumerable.Range(0, 250), function.SucceededNumbers);
        Assert.Equal(250, mapping.Metrics.PolledEventCount);
        Assert.Equal(250, mapping.Metrics.InvokedEventCount);
    }

    [Fact]
    public async Task The_batching_window_gathers_records_that_arrive_apart_into_one_invocation()
    {
        var function = new RecordingFunction();
        await _rig.StartAsync(_rig.Options() with { MaximumBatchingWindow = TimeSpan.FromSeconds(2) }, function);

        var firstPut = DateTimeOffset.UtcNow;
        await _rig.PutAsync(TestLines.Numbered(5));
        await Task.Delay(400);
        await _rig.PutAsync(TestLines.Numbered(5).Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":1"))));

        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 10, () => $"{function.SucceededNumbers.Count} of 10");
        var invocation = Assert.Single(function.Invocations);
        Assert.Equal(10, invocation.Numbers.Count);
        Assert.True(invocation.At - firstPut >= TimeSpan.FromSeconds(1.9), $"invoked {(invocation.At - firstPut).TotalSeconds:0.00} s after the first put");
    }

    [Fact]
    public async Task Without_a_window_records_are_invoked_as_soon_as_they_are_polled()
    {
        var function = new RecordingFunction();
        await _rig.StartAsync(_rig.Options() with { MaximumBatchingWindow = TimeSpan.Zero }, function);

        await _rig.PutAsync(TestLines.Numbered(5));
        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 5, () => $"{function.SucceededNumbers.Count} of 5");
        await _rig.PutAsync(TestLines.Numbered(5).Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":1"))));
        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 10, () => $"{function.SucceededNumbers.Count} of 10");

        Assert.Equal(2, function.Invocations.Count);
    }
}
