using Sandbox.Load.Cli;
using Sandbox.Load.Day;

namespace Sandbox.Load.Tests;

public class LoadOptionsParsingTests
{
    private static (LoadOptions Options, bool Auto) Parse(string speed = "max", string shards = "4", string? quotas = null, long events = 1000, double interval = 60,
        string window = "day", int peakHours = 3) =>
        LoadCommand.Parse(events, null, speed, shards, window, peakHours, quotas, false, 1, 120, 60, interval, 60, false, ".sandbox/reports");

    [Theory]
    [InlineData("0", "at least 1 shard")]
    [InlineData("-2", "at least 1 shard")]
    [InlineData("four", "at least 1 shard")]
    public void A_shard_count_below_one_is_refused_by_name(string shards, string expected)
    {
        var error = Assert.Throws<LoadInputException>(() => Parse(shards: shards));
        Assert.Contains($"--shards '{shards}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Speed_is_max_or_a_positive_factor()
    {
        Assert.Null(Parse().Options.Speed);
        Assert.Equal(24, Parse(speed: "24").Options.Speed);
        Assert.Contains("--speed '0'", Assert.Throws<LoadInputException>(() => Parse(speed: "0")).Message);
        Assert.Contains("--speed 'fast'", Assert.Throws<LoadInputException>(() => Parse(speed: "fast")).Message);
    }

    [Fact]
    public void Quotas_default_on_with_a_speed_up_and_off_at_max()
    {
        Assert.False(Parse().Options.Quotas);
        Assert.True(Parse(speed: "24").Options.Quotas);
        Assert.True(Parse(quotas: "on").Options.Quotas);
    }

    [Fact]
    public void Auto_shards_need_a_speed_up_and_quotas()
    {
        Assert.True(Parse(speed: "24", shards: "auto").Auto);
        Assert.Contains("needs --speed K", Assert.Throws<LoadInputException>(() => Parse(shards: "auto")).Message);
        Assert.Contains("quotas on", Assert.Throws<LoadInputException>(() => Parse(speed: "24", shards: "auto", quotas: "off")).Message);
    }

    [Fact]
    public void The_window_is_the_day_or_its_peak_and_the_peak_needs_a_speed_up()
    {
        Assert.False(Parse(speed: "24").Options.PeakWindowOnly);
        var peak = Parse(speed: "24", window: "peak", peakHours: 2).Options;
        Assert.True(peak.PeakWindowOnly);
        Assert.Equal(2, peak.PeakHours);
        Assert.True(Parse(speed: "24", shards: "auto", window: "peak").Auto);
        Assert.Contains("--window 'hour' is neither day", Assert.Throws<LoadInputException>(() => Parse(speed: "24", window: "hour")).Message);
        Assert.Contains("--window peak needs --speed K", Assert.Throws<LoadInputException>(() => Parse(window: "peak")).Message);
        Assert.Contains("--peak-hours 0", Assert.Throws<LoadInputException>(() => Parse(speed: "24", window: "peak", peakHours: 0)).Message);
        Assert.Contains("--peak-hours 25", Assert.Throws<LoadInputException>(() => Parse(speed: "24", peakHours: 25)).Message);
    }

    [Fact]
    public void A_day_folder_without_a_manifest_is_refused_naming_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("load-day-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "app-2026110200.log"), "{}\n");
            var error = Assert.Throws<LoadInputException>(() => LoadDay.Open(folder));
            Assert.Contains($"--day '{folder}' has no manifest.json", error.Message);
            Assert.Contains("is not a folder", Assert.Throws<LoadInputException>(() => LoadDay.Open(Path.Combine(folder, "missing"))).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
