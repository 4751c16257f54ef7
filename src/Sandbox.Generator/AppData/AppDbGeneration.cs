using Sandbox.AppDatabase;
using Sandbox.Core.Endpoints;
using Sandbox.Generator.Config;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.AppData;

/// <summary>
/// `sandbox generate --appdb`: after the events (any sink), fills the app database from the same
/// entity pools and records what it wrote in the folder's manifest.json.
/// </summary>
public static class AppDbGeneration
{
    /// <summary>
    /// Fills the app database, unless the folder's manifest already records a fill of these settings into
    /// this database and every table's checksum still matches it: then the rows are left alone
    /// (`make demo` a second time), as the event files are.
    /// </summary>
    public static async Task<AppDbFill> RunAsync(GeneratorConfig config, string outputDirectory, string connectionString, CancellationToken cancellationToken = default)
    {
        var manifest = GenerationTruthFile.TryRead(outputDirectory)
            ?? throw new InvalidOperationException($"no {GenerationTruth.FileName} in '{outputDirectory}': the events must be generated first");
        if (manifest.AppDatabase is { Checksums: { Count: > 0 } recorded } earlier
            && earlier.Database == AppDatabaseConnection.Describe(connectionString)
            && SameChecksums(recorded, await AppDbWriter.ChecksumsAsync(connectionString, cancellationToken)))
            return new AppDbFill(earlier, LeftAsIs: true);
        var timeline = new AppDataTimeline(new SimulationModel(config, EntityPoolBuilder.Build(config)));
        var written = await AppDbWriter.WriteAsync(timeline, connectionString, cancellationToken);
        GenerationTruthFile.Write(outputDirectory, manifest with { AppDatabase = written });
        return new AppDbFill(written, LeftAsIs: false);
    }

    private static bool SameChecksums(IReadOnlyDictionary<string, ulong> recorded, IReadOnlyDictionary<string, ulong> now) =>
        recorded.Count == now.Count && recorded.All(r => now.TryGetValue(r.Key, out var value) && value == r.Value);

    /// <summary>The command's steps: a check before the events, then the fill with one summary line; failures print the reason and give exit code 1.</summary>
    public static int Check() => Guarded(() => AppDbWriter.EnsureReadyAsync(EndpointsLoader.Load().AppDatabaseConnectionString).GetAwaiter().GetResult());

    public static int Run(GeneratorConfig config, string outputDirectory) => Guarded(() =>
    {
        var (written, leftAsIs) = RunAsync(config, outputDirectory, EndpointsLoader.Load().AppDatabaseConnectionString).GetAwaiter().GetResult();
        if (leftAsIs)
        {
            Console.WriteLine($"app database {written.Database}: already holds this folder's fill (every table's checksum matches the manifest); left as is");
            return;
        }
        var changed = written.Days.Sum(d => d.NewUsers + d.ProfileEdits + d.PriceChanges + d.DeletedPosts);
        Console.WriteLine(
            $"app database {written.Database}: {string.Join(", ", written.Rows.Select(r => $"{r.Key} {r.Value:N0}"))} " +
            $"in {written.Seconds:N1} s; {changed:N0} sign-ups, profile edits, price changes and deletions over the range (manifest app_database)");
    });

    private static int Guarded(Action step)
    {
        try
        {
            step();
            return 0;
        }
        catch (Exception e) when (e is Sandbox.AppDatabase.AppDatabaseUnavailableException or InvalidOperationException or MySqlConnector.MySqlException)
        {
            Console.Error.WriteLine($"generate --appdb: {e.Message}");
            return 1;
        }
    }
}

/// <summary>What a fill run did: the rows it wrote, or the earlier fill it found intact and left alone.</summary>
public sealed record AppDbFill(AppDatabaseTruth Truth, bool LeftAsIs);
