using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Native;

/// <summary>
/// As root with a checkout the postgres user cannot enter, the warehouse's data goes under
/// /var/tmp, which anyone can write to. A symlink planted there must never make root chown or
/// chmod another folder (compose/native/lib/warehouse.sh, warehouse_root).
/// </summary>
public sealed class WarehouseFallbackFolderTests : IDisposable
{
    private static readonly bool CanRun = Environment.UserName == "root" && File.Exists("/usr/sbin/runuser")
        && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));

    private readonly List<string> _cleanup = [];

    [SkippableFact]
    public async Task A_symlink_planted_at_the_old_predictable_name_is_not_followed()
    {
        Skip.IfNot(CanRun, "needs root and a postgres user (the fallback only happens as root)");
        var (state, victim) = (UnreachableState(), Victim());
        // The name the script used to pick: /var/tmp/sandbox-warehouse-<cksum of the state path>.
        var cksum = (await ProcessRunner.RunAsync("bash", ["-c", "printf %s \"$1\" | cksum | cut -d' ' -f1", "_", state])).StandardOutput.Trim();
        var planted = $"/var/tmp/sandbox-warehouse-{cksum}";
        File.CreateSymbolicLink(planted, victim);
        _cleanup.Add(planted);

        var result = await WarehouseRootAsync(state);

        Assert.True(result.ExitCode == 0, result.Output);
        var root = result.StandardOutput.Trim();
        _cleanup.Add(root);
        Assert.StartsWith("/var/tmp/sandbox-warehouse.", root);
        Assert.Null(new DirectoryInfo(root).LinkTarget);
        Assert.Equal("postgres 700", await OwnerAndModeAsync(root));
        Assert.Equal("root 755", await OwnerAndModeAsync(victim));
        Assert.Equal(root, File.ReadAllText(Path.Combine(state, "warehouse.path")).Trim());
    }

    [SkippableFact]
    public async Task A_recorded_folder_swapped_for_a_symlink_is_refused()
    {
        Skip.IfNot(CanRun, "needs root and a postgres user (the fallback only happens as root)");
        var (state, victim) = (UnreachableState(), Victim());
        var first = await WarehouseRootAsync(state);
        Assert.True(first.ExitCode == 0, first.Output);
        var root = first.StandardOutput.Trim();
        _cleanup.Add(root);
        Directory.Delete(root);
        File.CreateSymbolicLink(root, victim);

        var again = await WarehouseRootAsync(state);

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains($"warehouse data folder {root} is not a plain folder", again.StandardError);
        Assert.Equal("root 755", await OwnerAndModeAsync(victim));
    }

    public void Dispose()
    {
        foreach (var path in _cleanup)
        {
            if (new FileInfo(path).LinkTarget != null) File.Delete(path);
            else if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
    }

    // A checkout under a 0700 root folder: postgres cannot enter it, so the fallback is taken.
    private string UnreachableState()
    {
        var parent = Directory.CreateTempSubdirectory("sandbox-unreachable-").FullName;
        _cleanup.Add(parent);
        return Path.Combine(parent, ".sandbox");
    }

    private string Victim()
    {
        var victim = Directory.CreateTempSubdirectory("sandbox-victim-").FullName;
        File.SetUnixFileMode(victim, (UnixFileMode)Convert.ToInt32("755", 8));
        _cleanup.Add(victim);
        return victim;
    }

    private static Task<ProcessResult> WarehouseRootAsync(string state) =>
        ProcessRunner.RunAsync("bash", ["-c", "set -eu; mkdir -p \"$STATE\"; source compose/native/lib/warehouse.sh; warehouse_root"],
            new Dictionary<string, string> { ["STATE"] = state });

    private static async Task<string> OwnerAndModeAsync(string path) =>
        (await ProcessRunner.RunAsync("stat", ["-c", "%U %a", path])).StandardOutput.Trim();
}
