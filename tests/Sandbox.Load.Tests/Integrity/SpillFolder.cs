namespace Sandbox.Load.Tests.Integrity;

/// <summary>A fresh folder under the temp directory for one test's spilled hashes, deleted after it.</summary>
public sealed class SpillFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sandbox-load-ids-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
