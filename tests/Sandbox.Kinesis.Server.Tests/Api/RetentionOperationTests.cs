using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Api;

public sealed class RetentionOperationTests : IAsyncLifetime
{
    private InProcessEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _engine = await InProcessEngine.StartAsync();
        await _engine.CreateStreamAsync("s");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Retention_goes_up_then_down_and_shows_in_the_summary()
    {
        await _engine.Wire.OkAsync("IncreaseStreamRetentionPeriod", new { StreamName = "s", RetentionPeriodHours = 168 });
        Assert.Equal(168, await Hours());

        await _engine.Wire.OkAsync("DecreaseStreamRetentionPeriod", new { StreamName = "s", RetentionPeriodHours = 48 });
        Assert.Equal(48, await Hours());
    }

    [Theory]
    [InlineData("IncreaseStreamRetentionPeriod", 12, "InvalidArgumentException")]
    [InlineData("IncreaseStreamRetentionPeriod", 8761, "InvalidArgumentException")]
    [InlineData("IncreaseStreamRetentionPeriod", 0, "ValidationException")]
    [InlineData("DecreaseStreamRetentionPeriod", 48, "InvalidArgumentException")]
    public async Task Out_of_range_or_wrong_direction_changes_are_refused(string operation, int hours, string errorType)
    {
        Assert.Equal(errorType, (await _engine.Wire.ErrorAsync(operation, new { StreamName = "s", RetentionPeriodHours = hours })).Type);
        Assert.Equal(24, await Hours());
    }

    [Fact]
    public async Task Increasing_to_less_than_the_current_period_is_refused()
    {
        await _engine.Wire.OkAsync("IncreaseStreamRetentionPeriod", new { StreamName = "s", RetentionPeriodHours = 72 });

        var error = await _engine.Wire.ErrorAsync("IncreaseStreamRetentionPeriod", new { StreamName = "s", RetentionPeriodHours = 48 });

        Assert.Equal("InvalidArgumentException", error.Type);
        Assert.Contains("DecreaseRetentionPeriod", error.Message);
    }

    private async Task<int> Hours() =>
        (int)(await _engine.Wire.OkAsync("DescribeStreamSummary", new { StreamName = "s" }))["StreamDescriptionSummary"]!["RetentionPeriodHours"]!;
}
