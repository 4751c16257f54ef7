using Sandbox.Lake.Cli;

namespace Sandbox.Lake.Tests.Cli;

public sealed class AthenaCommandTests
{
    [Fact]
    public void From_and_to_give_a_day_range()
    {
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 3)), AthenaCommand.Days("2026-11-01", "2026-11-03") is { } f ? (f.From, f.To) : default);
        Assert.Null(AthenaCommand.Days(null, null));
    }

    [Theory]
    [InlineData("2026-11-3", null, "--from '2026-11-3' is not a date (yyyy-MM-dd)")]
    [InlineData("2026-11-03", "2026-11-01", "--to 2026-11-01 is before --from 2026-11-03")]
    [InlineData(null, "2026-11-01", "--to needs --from")]
    public void Bad_ranges_name_the_option(string? from, string? to, string message)
    {
        Assert.Equal(message, Assert.Throws<LakeException>(() => AthenaCommand.Days(from, to)).Message);
    }

    [Fact]
    public void An_unknown_output_format_names_the_choices()
    {
        Assert.Equal("--out 'xml': expected table, csv, json or parquet", Assert.Throws<LakeException>(() => AthenaRequest.ParseFormat("xml")).Message);
    }

    [Fact]
    public void The_command_has_the_documented_options()
    {
        var command = AthenaCommand.Build();

        Assert.Equal("athena", command.Name);
        Assert.Equal(["--out", "--output", "--from", "--to", "--cache"], command.Options.Select(o => o.Name));
    }
}
