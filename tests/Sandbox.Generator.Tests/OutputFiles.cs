using System.IO.Compression;

namespace Sandbox.Generator.Tests;

/// <summary>Reads generated log files back, line by line, in path order.</summary>
internal static class OutputFiles
{
    public static IEnumerable<string> Logs(string root) =>
        Directory.EnumerateFiles(root, "app-*.log*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static IEnumerable<string> Lines(string root)
    {
        foreach (var file in Logs(root))
        {
            using var raw = File.OpenRead(file);
            using Stream stream = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line) yield return line;
        }
    }
}
