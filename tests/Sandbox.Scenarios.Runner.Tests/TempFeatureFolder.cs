namespace Sandbox.Scenarios.Runner.Tests;

/// <summary>A throwaway features folder holding one file, deleted on dispose.</summary>
internal sealed class TempFeatureFolder : IDisposable
{
    private TempFeatureFolder(string path) => Path = path;

    public string Path { get; }

    public static TempFeatureFolder With(string fileName, string content)
    {
        var folder = new TempFeatureFolder(Directory.CreateTempSubdirectory("scenarios-test-").FullName);
        File.WriteAllText(System.IO.Path.Combine(folder.Path, fileName), content);
        return folder;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
