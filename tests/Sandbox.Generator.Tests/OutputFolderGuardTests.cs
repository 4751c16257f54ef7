using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Truth;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

public class OutputFolderGuardTests
{
    private static readonly TrackingPlan Plan = TrackingPlanLoader.LoadEmbedded();

    [Fact]
    public void A_folder_with_another_seeds_data_is_refused_unless_overwrite()
    {
        using var folder = new TempFolder();
        var config = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 1), Users = 500, EventsPerDay = 2_000 };
        FileGeneration.Run(config, folder.Path, 1, false, Plan);

        var error = Assert.Throws<OutputFolderException>(() => FileGeneration.Run(config with { Seed = 99 }, folder.Path, 1, false, Plan));
        Assert.Contains("seed 7", error.Message);
        Assert.Contains("--overwrite", error.Message);
        Assert.Equal(7UL, GenerationTruthFile.TryRead(folder.Path)!.Seed);

        var (manifest, _) = FileGeneration.Run(config with { Seed = 99 }, folder.Path, 1, true, Plan);
        Assert.Equal(99UL, GenerationTruthFile.TryRead(folder.Path)!.Seed);
        var onDisk = OutputFiles.Logs(folder.Path).Select(f => Path.GetRelativePath(folder.Path, f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(manifest.Files.Select(f => f.Path).Order().ToList(), onDisk);
    }

    [Fact]
    public void Rerunning_the_same_config_replaces_its_own_output()
    {
        using var folder = new TempFolder();
        var config = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 1), Users = 500, EventsPerDay = 2_000 };
        var (first, _) = FileGeneration.Run(config, folder.Path, 1, false, Plan);
        var (second, _) = FileGeneration.Run(config, folder.Path, 2, false, Plan);
        Assert.Equal(first.Totals, second.Totals);
    }

    [Fact]
    public void A_non_empty_folder_without_manifest_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Sub("notes.txt"), "mine");
        var error = Assert.Throws<OutputFolderException>(() =>
            FileGeneration.Run(SmallConfigs.ThreeDays(), folder.Path, 1, false, Plan));
        Assert.Contains("holds no generator manifest", error.Message);
        Assert.True(File.Exists(folder.Sub("notes.txt")));
    }
}
