using System.CommandLine;
using Sandbox.Analytics.Cli;
using Sandbox.Analytics.Definitions;

namespace Sandbox.Analytics.Tests.Cli;

public sealed class ReportCommandTests
{
    [Fact]
    public void Date_or_from_to_choose_the_days()
    {
        Assert.Equal(DateRange.Day(new DateOnly(2026, 11, 2)), ReportCommand.Range("2026-11-02", null, null, null));
        Assert.Equal(new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 14)), ReportCommand.Range(null, "2026-11-01", "2026-11-14", null));
    }

    [Theory]
    [InlineData("2026-13-01", null, null, "--date '2026-13-01' is not a date")]
    [InlineData("2026-11-01", "2026-11-01", null, "give --date or --from/--to, not both")]
    [InlineData(null, "2026-11-05", "2026-11-01", "--to 2026-11-01 is before --from 2026-11-05")]
    [InlineData(null, null, null, "which days?")]
    public void Bad_days_are_rejected_naming_the_option(string? date, string? from, string? to, string message)
    {
        var error = Assert.Throws<ReportInputException>(() => ReportCommand.Range(date, from, to, null));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_manifest_path_that_is_not_a_manifest_is_rejected()
    {
        var error = Assert.Throws<ReportInputException>(() => ReportCommand.ReadManifest("/etc/hostname"));
        Assert.Contains("is neither a folder nor a manifest.json", error.Message);
    }

    [Fact]
    public async Task Asking_for_the_lake_before_it_is_wired_exits_2_with_a_clear_error()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            var root = new RootCommand { ReportCommand.Build() };
            Assert.Equal(2, await root.Parse(["report", "--date", "2026-11-01", "--engine", "lake"]).InvokeAsync());
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("--engine lake: the lake engine is not available", error.ToString());
    }
}
