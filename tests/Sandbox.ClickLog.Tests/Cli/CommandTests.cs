using System.CommandLine;
using Sandbox.ClickLog.Cli;
using Sandbox.ClickLog.Tests.Infrastructure;
using Sandbox.ClickLog.Tests.Reading;

namespace Sandbox.ClickLog.Tests.Cli;

/// <summary>The commands as `sandbox` runs them, against tables of the running stack named with --table.</summary>
[Collection(ClickLogCollection.Name)]
public sealed class CommandTests(ClickLogFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("clicklog-cli-");

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ClicksCommand.Build(), ExportCommand.Build() };
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var parse = root.Parse(args);
            var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task Clicks_prints_the_users_latest_clicks_newest_first()
    {
        var table = await ClickLogReaderTests.SeedAsync(fixture, [TestLines.Click("u-cli", 3), TestLines.Click("u-cli", 9), TestLines.Click("u-cli", 6)]);

        var (exit, output) = await RunAsync("clicks", "--user", "u-cli", "--last", "2", "--table", table);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("2026-11-30T12:09", lines[0]);
        Assert.StartsWith("2026-11-30T12:06", lines[1]);
        Assert.Contains("clicks: 2 for u-cli in", lines[2]);
    }

    [Fact]
    public async Task Clicks_refuses_a_last_below_one()
    {
        var (exit, output) = await RunAsync("clicks", "--user", "u", "--last", "0");

        Assert.NotEqual(0, exit);
        Assert.Contains("--last must be at least 1", output);
    }

    [Fact]
    public async Task Export_writes_the_table_to_parquet_and_reports_the_row_count()
    {
        var table = await ClickLogReaderTests.SeedAsync(fixture, [.. Enumerable.Range(0, 12).Select(i => TestLines.Click("u-x", i))]);
        var file = Path.Combine(_folder.FullName, "clicks.parquet");

        var (exit, output) = await RunAsync("export", "dynamodb", "--table", table, "--to", "parquet", "--out", file);

        Assert.Equal(0, exit);
        Assert.Contains($"export: 12 items of {table} -> {file}", output);
        Assert.True(new FileInfo(file).Length > 0);
    }

    [Fact]
    public async Task Export_refuses_formats_other_than_parquet()
    {
        var (exit, output) = await RunAsync("export", "dynamodb", "--to", "csv", "--out", Path.Combine(_folder.FullName, "x.csv"));

        Assert.NotEqual(0, exit);
        Assert.Contains("csv", output);
    }
}
