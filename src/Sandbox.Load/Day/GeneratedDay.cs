using Sandbox.Generator.Truth;
using Sandbox.Load.Processes;

namespace Sandbox.Load.Day;

/// <summary>
/// The day a run replays when no --day is given: `sandbox generate` (a child process, as a user
/// would run it) into .sandbox/load-days/&lt;events&gt;-seed&lt;seed&gt;/, reused by the next run of the
/// same size and seed (a 30M day takes a while to write).
/// </summary>
public static class GeneratedDay
{
    public const string Date = "2026-11-02";

    /// <summary>The day of this size and seed was generated before (its files are reused, not written again).</summary>
    public static bool IsOnDisk(LoadOptions options) => GenerationTruthFile.TryRead(FolderOf(options)) is { Status: GenerationTruth.StatusComplete };

    public static string FolderOf(LoadOptions options) => Path.GetFullPath(Path.Combine(options.DaysDirectory, $"{options.Events}-seed{options.Seed}"));

    public static async Task<LoadDay> OpenOrGenerateAsync(LoadOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = FolderOf(options);
        if (IsOnDisk(options))
        {
            output.WriteLine($"load: reusing the day in {folder}");
            return LoadDay.Open(folder);
        }
        // Users in proportion to the traffic (about 10 events each), as the demo's day has.
        var users = Math.Clamp(options.Events / 10, 1_000, 1_000_000);
        output.WriteLine($"load: generating {options.Events:N0} events for {users:N0} users on {Date} into {folder}");
        Directory.CreateDirectory(folder);
        await using var generate = new BoxProcess("generate",
            ["generate", "--from", Date, "--events-per-day", options.Events.ToString(), "--users", users.ToString(), "--seed", options.Seed.ToString(), "-o", folder, "--overwrite"],
            new Dictionary<string, string>(), Path.Combine(folder, "..", $"generate-{options.Events}-seed{options.Seed}.log"));
        generate.LineReceived += line => output.WriteLine($"  {line}");
        generate.Start();
        using var cancel = cancellationToken.Register(() => generate.KillHard());
        if (await generate.WaitAsync(TimeSpan.FromHours(3)) is not 0)
            throw new LoadInputException(cancellationToken.IsCancellationRequested ? "interrupted while generating the day" : $"`{generate.CommandLine}` failed:\n{generate.Tail}");
        return LoadDay.Open(folder);
    }
}
