namespace Sandbox.Testing;

/// <summary>Finds the checkout's top folder (the one holding Sandbox.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Sandbox.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Sandbox.sln above {AppContext.BaseDirectory}");
    }
}
