using System.CommandLine;
using Sandbox.Generator.Cli;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Sinks.Cli;
using Sandbox.Testing;

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
        var manifest = GenerationTruthFile.TryRead(folder.Path)!;
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

    [Fact]
    public void With_the_app_database_down_appdb_fails_first_naming_it_and_writes_no_events()
    {
        using var folder = new TempFolder();
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var saved = Environment.GetEnvironmentVariable("SANDBOX_APPDB");
        Environment.SetEnvironmentVariable("SANDBOX_APPDB", $"Server=127.0.0.1;Port={port};Database=app;User ID=sandbox_app;Password=x;ConnectionTimeout=3");
        try
        {
            var (exit, _, error) = Invoke("generate", "--from", "2026-11-01", "--users", "300", "--events-per-day", "2000", "--out", folder.Path, "--appdb");

            Assert.Equal(1, exit);
            Assert.Contains($"generate --appdb: the app database at 127.0.0.1:{port}/app (SANDBOX_APPDB) is not available", error);
            Assert.Empty(OutputFiles.Logs(folder.Path));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SANDBOX_APPDB", saved);
        }
    }

    [Fact]
    public void The_same_seed_and_config_again_leaves_the_output_alone_and_only_reports()
    {
        using var folder = new TempFolder();
        string[] args = ["generate", "--from", "2026-11-01", "--users", "300", "--events-per-day", "2000", "--seed", "5", "--out", folder.Path, "--gzip"];
        Assert.Equal(0, Invoke(args).Exit);
        var before = InodesAndMtimes(folder.Path);

        var (exit, output, _) = Invoke([.. args, "--threads", "3"]); // thread count does not change the bytes

        Assert.Equal(0, exit);
        Assert.Contains("already holds this output (seed 5", output);
        Assert.Contains("left as is", output);
        Assert.Equal(before, InodesAndMtimes(folder.Path));
    }

    [Fact]
    public void Output_that_no_longer_matches_its_manifest_is_generated_again()
    {
        using var folder = new TempFolder();
        string[] args = ["generate", "--from", "2026-11-01", "--users", "300", "--events-per-day", "2000", "--seed", "5", "--out", folder.Path];
        Assert.Equal(0, Invoke(args).Exit);
        var log = Directory.EnumerateFiles(folder.Path, "*.log", SearchOption.AllDirectories).First();
        var size = new FileInfo(log).Length;
        File.WriteAllText(log, "cut short\n");

        var (exit, output, _) = Invoke(args);

        Assert.Equal(0, exit);
        Assert.Matches(@"generated [\d,]+ events", output);
        Assert.Equal(size, new FileInfo(log).Length);
    }

    // inode and mtime of every file: a shipper tailing the folder sees a new file when either changes.
    private static string InodesAndMtimes(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order().ToList();
        Assert.NotEmpty(files);
        var stat = ProcessRunner.RunAsync("stat", ["-c", "%n %i %.9Y", .. files]).GetAwaiter().GetResult();
        Assert.Equal(0, stat.ExitCode);
        return stat.StandardOutput;
    }
}
