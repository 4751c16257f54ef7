using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Mapping;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class FilteringTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MappingRig.CreateAsync(fixture);

    public Task DisposeAsync() => _rig.StopAllAsync();

    [Fact]
    public async Task Only_matching_records_are_invoked_and_every_polled_record_is_accounted_for()
    {
        var clicks = TestLines.Numbered(12);
        var others = TestLines.Numbered(8, name: "logout").Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":10")));
        var stored = await _rig.PutAsync([.. clicks.Take(6), .. others, .. clicks.Skip(6), ("key-0", "this is not json")]);
        var function = new RecordingFunction();
        var mapping = await _rig.StartAsync(_rig.Options() with { FilterCriteria = FilterCriteria.EventNames("click_product_link") }, function);

        await Wait.UntilAsync(() => mapping.Metrics.PolledEventCount == 21 && mapping.Counters.InFlight == 0, () => mapping.Metrics.ToString());

        Assert.Equal(Enumerable.Range(0, 12), function.SucceededNumbers);
        Assert.Equal(8, mapping.Metrics.FilteredOutEventCount);
        var notJson = Assert.Single(await _rig.FailedBatchesAsync());
        Assert.Equal(FailureConditions.DataNotJson, notJson.RequestContext.Condition);
        Assert.Equal(stored[^1].SequenceNumber, notJson.KinesisBatchInfo.StartSequenceNumber);
        Assert.Equal(21, mapping.Metrics.InvokedEventCount + mapping.Metrics.FilteredOutEventCount + mapping.Metrics.DroppedEventCount);
    }

    [Fact]
    public async Task A_mapping_restarted_after_filtered_records_does_not_poll_them_again()
    {
        var stored = await _rig.PutAsync(TestLines.Numbered(5, name: "logout"));
        var options = _rig.Options() with { FilterCriteria = FilterCriteria.EventNames("click_product_link") };
        var first = await _rig.StartAsync(options, new RecordingFunction());
        await Wait.UntilAsync(async () => (await _rig.CheckpointsAsync(options)).Values.SingleOrDefault() == stored[^1].SequenceNumber,
            () => first.Metrics.ToString());
        Assert.Equal(5, first.Metrics.FilteredOutEventCount);
        await _rig.StopAllAsync();

        await _rig.PutAsync(TestLines.Numbered(2).Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":9"))));
        var function = new RecordingFunction();
        var second = await _rig.StartAsync(options, function);
        await Wait.UntilAsync(() => function.SucceededNumbers.Count == 2, () => second.Metrics.ToString());

        Assert.Equal(2, second.Metrics.PolledEventCount); // resumed from the checkpoint past the filtered records
    }
}
