using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Mapping;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests;

/// <summary>The click-log function behind the mapping, with the settings the pipeline uses: clicks in, nothing lost.</summary>
[Collection(ClickLogCollection.Name)]
public sealed class ClickLogPipelineTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;
    private string _table = null!;

    public async Task InitializeAsync()
    {
        _rig = await MappingRig.CreateAsync(fixture, shards: 2);
        _table = await fixture.CreateClickTableAsync();
    }

    public Task DisposeAsync() => _rig.StopAllAsync();

    private ClickLogFunction NewFunction() => new(new ClickLogWriter(fixture.Dynamo, _table), TimeSpan.FromDays(90), NullLogger.Instance);

    private EventSourceMappingOptions PipelineOptions() => _rig.Options() with
    {
        FilterCriteria = FilterCriteria.EventNames(ClickEvent.EventName),
        BisectBatchOnFunctionError = true,
        MaximumRetryAttempts = 1,
        MaximumBatchingWindow = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task Clicks_land_in_the_table_and_bad_records_at_the_destination_with_every_record_counted()
    {
        var users = new[] { "u-a", "u-b", "u-c" };
        List<(string, string)> lines =
        [
            .. Enumerable.Range(0, 30).Select(i => (users[i % 3], TestLines.Click(users[i % 3], i))),
            .. Enumerable.Range(0, 20).Select(i => ($"o-{i}", TestLines.Other())),
            ("u-a", "{\"event_name\":\"click_product_link\",\"user_id\":\"u-a\"}"), // a click without event_id
            ("u-b", "garbage"),
        ];
        await _rig.PutAsync(lines.OrderBy(_ => Random.Shared.Next()));
        var function = NewFunction();
        var mapping = await _rig.StartAsync(PipelineOptions(), function);

        await Wait.UntilAsync(() => mapping.Metrics.PolledEventCount == 52 && mapping.Counters.InFlight == 0, () => mapping.Metrics.ToString());

        Assert.Equal(30, await fixture.CountItemsAsync(_table));
        var failed = await _rig.FailedBatchesAsync();
        Assert.Equal(2, failed.Sum(f => f.KinesisBatchInfo.BatchSize));
        Assert.Contains(failed, f => f.RequestContext.Condition == FailureConditions.DataNotJson);
        Assert.Contains(failed, f => f.RequestContext.Condition == FailureConditions.RetryAttemptsExhausted
            && f.ResponseContext.ErrorMessage!.Contains("'event_id' is missing"));
        Assert.Equal(20, mapping.Metrics.FilteredOutEventCount);
        Assert.Equal(30, mapping.Metrics.InvokedEventCount);
        Assert.Equal(52, mapping.Metrics.InvokedEventCount + mapping.Metrics.FilteredOutEventCount + mapping.Metrics.DroppedEventCount);
    }

    [Fact]
    public async Task A_second_mapping_replaying_the_stream_writes_nothing_new()
    {
        await _rig.PutAsync(Enumerable.Range(0, 40).Select(i => ($"u-{i % 4}", TestLines.Click($"u-{i % 4}", i))));
        var first = await _rig.StartAsync(PipelineOptions(), NewFunction());
        await Wait.UntilAsync(() => first.Metrics.InvokedEventCount == 40, () => first.Metrics.ToString());
        await _rig.StopAllAsync();
        Assert.Equal(40, await fixture.CountItemsAsync(_table));

        var replay = await _rig.StartAsync(PipelineOptions(), NewFunction()); // a new mapping id: no checkpoint, reads from the start
        await Wait.UntilAsync(() => replay.Metrics.InvokedEventCount == 40, () => replay.Metrics.ToString());

        Assert.Equal(40, await fixture.CountItemsAsync(_table));
    }
}
