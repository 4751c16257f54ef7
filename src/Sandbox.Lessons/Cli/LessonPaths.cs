using Sandbox.Core.Endpoints;

namespace Sandbox.Lessons.Cli;

/// <summary>Where the lessons, the progress file and the analyst's connection string come from.</summary>
public static class LessonPaths
{
    public const string LessonsVariable = "SANDBOX_LESSONS";
    public const string AnalystVariable = "SANDBOX_WAREHOUSE_ANALYST";

    /// <summary>SANDBOX_LESSONS, else the nearest lessons/ folder above the working directory or the program.</summary>
    public static string LessonsDirectory()
    {
        if (Environment.GetEnvironmentVariable(LessonsVariable) is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "lessons");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.md").Any()) return candidate;
            }
        }
        throw new InvalidOperationException($"no lessons/ folder found above {Environment.CurrentDirectory}: run from the repository or set {LessonsVariable}");
    }

    /// <summary>Next to the stack's endpoints.env (.sandbox/), else .sandbox/ in the working directory.</summary>
    public static string ProgressFile() =>
        Path.Combine(Path.GetDirectoryName(EndpointsLoader.FindEnvFile()) ?? Path.Combine(Environment.CurrentDirectory, ".sandbox"), "lessons-progress.json");

    /// <summary>The read-only analyst role (SANDBOX_WAREHOUSE_ANALYST in the endpoints contract).</summary>
    public static string AnalystConnectionString() => EndpointsLoader.Load().WarehouseAnalystConnectionString;
}
