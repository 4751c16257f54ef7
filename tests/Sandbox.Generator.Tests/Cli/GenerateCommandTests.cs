using System.CommandLine;
using Sandbox.Generator.Cli;
using Sandbox.Generator.Manifest;
using Sandbox.Generator.Sinks.Cli;

namespace Sandbox.Generator.Tests.Cli;

[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>Runs the commands as the CLI would; Console is swapped, so these tests run alone.</summary>
[Collection(nameof(ConsoleCapture))]
public class GenerateCommandTests
{
    private static (int Exit, string Out, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { GenerateCommand.Build(), TrackingPlanCommand.Build() };
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = root.Parse(args).Invoke();
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void Generates_files_and_prints_a_summary_line()
    {
        using var folder = new TempFolder();
        var (exit, output, _) = Invoke("generate", "--from", "2026-11-01", "--users", "300", "--events-per-day", "2000",
            "--seed", "3", "--out", folder.Path, "--gzip", "--threads", "2");
        Assert.Equal(0, exit);
        Assert.Matches(@"generated [\d,]+ events \([\d,]+ lines, \d+ files", output);
        var manifest = ManifestFileStore.TryRead(folder.Path)!;
        Assert.Equal(3UL, manifest.Seed);
        Assert.True(manifest.Config.Gzip);
        Assert.All(manifest.Files, f => Assert.EndsWith(".log.gz", f.Path));
    }

    [Theory]
    [InlineData("--users", "-4", "users: -4")]
    [InlineData("--to", "2026-10-01", "is after --to 2026-10-01")]
    [InlineData("--faults", "meteor", "unknown fault 'meteor'")]
    [InlineData("--to", "01/11/2026", "--to: '01/11/2026' is not a date")]
    public void Bad_input_exits_2_with_a_clear_message_and_writes_nothing(string option, string value, string expected)
    {
        using var folder = new TempFolder();
        var output = folder.Sub("out");
        var (exit, _, error) = Invoke("generate", "--from", "2026-11-01", option, value, "--out", output);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Another_seed_in_the_folder_is_refused_without_overwrite()
    {
        using var folder = new TempFolder();
        string[] common = ["generate", "--from", "2026-11-01", "--users", "200", "--events-per-day", "500", "--out", folder.Path];
        Assert.Equal(0, Invoke([.. common, "--seed", "1"]).Exit);
        var (exit, _, error) = Invoke([.. common, "--seed", "2"]);
        Assert.Equal(2, exit);
        Assert.Contains("seed 1", error);
        Assert.Equal(0, Invoke([.. common, "--seed", "2", "--overwrite"]).Exit);
    }

    [Fact]
    public void Validate_reports_violations_by_type_and_exit_code()
    {
        using var folder = new TempFolder();
        var file = folder.Sub("events.jsonl");
        File.WriteAllLines(file, ["{\"event_name\":\"x\"", "not json"]);
        var (exit, output, _) = Invoke("tracking-plan", "validate", file);
        Assert.Equal(1, exit);
        Assert.Contains("2 lines, 2 with violations", output);
        Assert.Contains("malformed_json: 2", output);
    }

    [Fact]
    public void Docs_writes_the_plan_markdown()
    {
        using var folder = new TempFolder();
        var path = folder.Sub("plan.md");
        Assert.Equal(0, Invoke("tracking-plan", "docs", "--out", path, "--schemas-out", folder.Sub("schemas")).Exit);
        Assert.Contains("### click_product_link", File.ReadAllText(path));
        Assert.Contains("\"const\": \"click_product_link\"", File.ReadAllText(folder.Sub("schemas/click_product_link.schema.json")));
    }
}
