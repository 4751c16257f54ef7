using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests.Mapping;

[Collection(ClickLogCollection.Name)]
public sealed class ErrorHandlingTests(ClickLogFixture fixture) : IAsyncLifetime
{
    private MappingRig _rig = null!;

    public async Task InitializeAsync() => _rig = await MappingRig.CreateAsync(fixture);

    public Task DisposeAsync() => _rig.StopAllAsync();

    private static bool IsNumber6(byte[] data) => TestLines.NumberOf(data) == 6;

    [Fact]
    public async Task Bisecting_isolates_the_poison_record_and_sends_only_it_to_the_on_failure_destination()
    {
        var stored = await _rig.PutAsync(TestLines.Numbered(10));
        var function = new RecordingFunction { IsPoison = IsNumber6 };
        var mapping = await _rig.StartAsync(_rig.Options() with { BisectBatchOnFunctionError = true, MaximumRetryAttempts = 1 }, function);

        await Wait.UntilAsync(() => mapping.Metrics.InvokedEventCount + mapping.Metrics.DroppedEventCount >= 10, () => mapping.Metrics.ToString());

        Assert.Equal([0, 1, 2, 3, 4, 5, 7, 8, 9], function.SucceededNumbers.Order());
        var failed = Assert.Single(await _rig.FailedBatchesAsync());
        Assert.Equal(1, failed.KinesisBatchInfo.BatchSize);
        Assert.Equal(stored[6].SequenceNumber, failed.KinesisBatchInfo.StartSequenceNumber);
        Assert.Equal(stored[6].SequenceNumber, failed.KinesisBatchInfo.EndSequenceNumber);
        Assert.Equal(stored[6].ShardId, failed.KinesisBatchInfo.ShardId);
        Assert.Equal(FailureConditions.RetryAttemptsExhausted, failed.RequestContext.Condition);
        Assert.Equal(2, failed.RequestContext.ApproximateInvokeCount);
        Assert.Equal("Unhandled", failed.ResponseContext.FunctionError);
        Assert.Contains("poison", failed.ResponseContext.ErrorMessage);
        Assert.Equal(6, TestLines.NumberOf(failed.Payload.Records.Single().Kinesis.Data.ToArray()));
        // nothing lost: every polled record was either invoked successfully or described at the destination
        Assert.Equal(10, mapping.Metrics.PolledEventCount);
        Assert.Equal(9, mapping.Metrics.InvokedEventCount);
        Assert.Equal(1, mapping.Metrics.OnFailureDestinationDeliveredEventCount);
        Assert.Equal(0, mapping.Counters.InFlight);
    }

    [Fact]
    public async Task Without_bisect_the_whole_batch_is_retried_then_described_at_the_destination()
    {
        var stored = await _rig.PutAsync(TestLines.Numbered(10));
        var function = new RecordingFunction { IsPoison = IsNumber6 };
        var mapping = await _rig.StartAsync(_rig.Options() with { MaximumRetryAttempts = 2 }, function);

        await Wait.UntilAsync(() => mapping.Metrics.DroppedEventCount >= 10, () => mapping.Metrics.ToString());

        Assert.Equal(3, function.Invocations.Count); // the first attempt and two retries
        Assert.Empty(function.Succeeded);
        var failed = Assert.Single(await _rig.FailedBatchesAsync());
        Assert.Equal(10, failed.KinesisBatchInfo.BatchSize);
        Assert.Equal(stored[0].SequenceNumber, failed.KinesisBatchInfo.StartSequenceNumber);
        Assert.Equal(stored[9].SequenceNumber, failed.KinesisBatchInfo.EndSequenceNumber);
        Assert.Equal(3, failed.RequestContext.ApproximateInvokeCount);
        Assert.Equal(20, mapping.Counters.Retried);
    }

    [Fact]
    public async Task After_the_failed_batch_the_shard_goes_on_with_the_next_records_in_order()
    {
        await _rig.PutAsync(TestLines.Numbered(10));
        var function = new RecordingFunction { IsPoison = IsNumber6 };
        var mapping = await _rig.StartAsync(_rig.Options() with { MaximumRetryAttempts = 0, BatchSize = 5 }, function);
        await Wait.UntilAsync(() => mapping.Metrics.InvokedEventCount + mapping.Metrics.DroppedEventCount >= 10, () => mapping.Metrics.ToString());

        Assert.Equal([0, 1, 2, 3, 4], function.SucceededNumbers);
        Assert.Equal(5, Assert.Single(await _rig.FailedBatchesAsync()).KinesisBatchInfo.BatchSize);

        await _rig.PutAsync(TestLines.Numbered(3).Select(r => (r.Key, r.Line.Replace("\"n\":", "\"n\":2"))));
        await Wait.UntilAsync(() => function.SucceededNumbers.Count >= 8, () => mapping.Metrics.ToString());
        Assert.Equal([0, 1, 2, 3, 4, 20, 21, 22], function.SucceededNumbers);
    }

    [Fact]
    public async Task Records_older_than_the_maximum_age_go_to_the_destination_without_an_invocation()
    {
        await _rig.PutAsync(TestLines.Numbered(4));
        var function = new RecordingFunction();
        var twoMinutesLater = new ShiftedClock(TimeSpan.FromMinutes(2));
        var mapping = await _rig.StartAsync(_rig.Options() with { MaximumRecordAge = TimeSpan.FromSeconds(60) }, function, twoMinutesLater);

        await Wait.UntilAsync(() => mapping.Metrics.DroppedEventCount >= 4, () => mapping.Metrics.ToString());

        Assert.Empty(function.Invocations);
        var failed = Assert.Single(await _rig.FailedBatchesAsync());
        Assert.Equal(FailureConditions.RecordAgeExceeded, failed.RequestContext.Condition);
        Assert.Equal(4, failed.KinesisBatchInfo.BatchSize);
        Assert.Equal(0, failed.RequestContext.ApproximateInvokeCount);
    }

    [Fact]
    public async Task Records_that_expire_while_their_batch_is_retried_leave_with_RecordAgeExceeded()
    {
        await _rig.PutAsync(TestLines.Numbered(3));
        var clock = new ShiftedClock(TimeSpan.Zero);
        var function = new RecordingFunction { IsPoison = _ => true };
        var mapping = await _rig.StartAsync(_rig.Options() with { MaximumRecordAge = TimeSpan.FromSeconds(60) }, function, clock);

        await Wait.UntilAsync(() => function.Invocations.Count >= 3, () => $"{function.Invocations.Count} invocations");
        clock.Shift = TimeSpan.FromMinutes(2); // retries are infinite (-1): only the age ends them
        await Wait.UntilAsync(() => mapping.Metrics.DroppedEventCount >= 3, () => mapping.Metrics.ToString());

        Assert.Equal(FailureConditions.RecordAgeExceeded, Assert.Single(await _rig.FailedBatchesAsync()).RequestContext.Condition);
    }
}

/// <summary>The system clock moved by a settable offset (timers still run in real time).</summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; set; } = shift;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
