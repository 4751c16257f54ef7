using System.Security.Cryptography;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

public class DeterminismTests
{
    [Fact]
    public void Same_seed_gives_byte_identical_files_and_manifest_with_1_or_4_threads()
    {
        using var folder = new TempFolder();
        var config = SmallConfigs.ThreeDays() with { Gzip = true, Faults = FaultPresets.Parse("all"), Servers = 4 };
        var plan = TrackingPlanLoader.LoadEmbedded();
        FileGeneration.Run(config, folder.Sub("one"), threads: 1, overwrite: false, plan);
        FileGeneration.Run(config, folder.Sub("four"), threads: 4, overwrite: false, plan);

        var one = Digest(folder.Sub("one"));
        var four = Digest(folder.Sub("four"));
        Assert.True(one.Count > 50, "expected dozens of hourly files");
        Assert.Equal(one, four);
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        using var folder = new TempFolder();
        var plan = TrackingPlanLoader.LoadEmbedded();
        var config = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 1) };
        FileGeneration.Run(config, folder.Sub("a"), threads: 2, overwrite: false, plan);
        FileGeneration.Run(config with { Seed = 8 }, folder.Sub("b"), threads: 2, overwrite: false, plan);
        var a = Digest(folder.Sub("a"));
        var b = Digest(folder.Sub("b"));
        Assert.NotEqual(a.Where(kv => kv.Key.StartsWith("app-01/")), b.Where(kv => kv.Key.StartsWith("app-01/")));
    }

    private static SortedDictionary<string, string> Digest(string root)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            digests[Path.GetRelativePath(root, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return digests;
    }
}
