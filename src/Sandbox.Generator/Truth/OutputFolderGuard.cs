namespace Sandbox.Generator.Truth;

/// <summary>The output folder cannot be used as asked.</summary>
public sealed class OutputFolderException(string message) : Exception(message);

/// <summary>
/// Refuses to mix two datasets in one folder: a folder holding another seed's or config's output
/// (or files that are not generator output) is only reused with --overwrite, which first removes
/// the previous run's files listed in its manifest.
/// </summary>
public static class OutputFolderGuard
{
    /// <summary>Throws when the folder may not receive this run's output; returns the previous run's manifest, if any.</summary>
    public static GenerationTruth? Check(string outputDirectory, string fingerprint, ulong seed, bool overwrite)
    {
        if (File.Exists(outputDirectory)) throw new OutputFolderException($"output '{outputDirectory}' is a file, not a folder");
        if (!Directory.Exists(outputDirectory)) return null;

        var previous = GenerationTruthFile.TryRead(outputDirectory);
        if (previous is null)
        {
            if (Directory.EnumerateFileSystemEntries(outputDirectory).Any() && !overwrite)
                throw new OutputFolderException($"output '{outputDirectory}' is not empty and holds no generator manifest; choose an empty folder or pass --overwrite");
            return null;
        }
        if (previous.Fingerprint != fingerprint && !overwrite)
        {
            var what = previous.Seed != seed ? $"seed {previous.Seed}" : "the same seed with a different config";
            throw new OutputFolderException(
                $"output '{outputDirectory}' holds data generated with {what} (fingerprint {previous.Fingerprint}, this run: seed {seed}, fingerprint {fingerprint}); pass --overwrite to replace it");
        }
        return previous;
    }

    /// <summary>Checks the folder, then removes the previous run's files so the new run starts clean.</summary>
    public static void Prepare(string outputDirectory, string fingerprint, ulong seed, bool overwrite)
    {
        if (Check(outputDirectory, fingerprint, seed, overwrite) is { } previous) RemovePreviousOutput(outputDirectory, previous);
    }

    private static void RemovePreviousOutput(string outputDirectory, GenerationTruth previous)
    {
        var root = Path.GetFullPath(outputDirectory);
        foreach (var file in previous.Files.Concat(previous.Dimensions))
        {
            var path = Path.GetFullPath(Path.Combine(root, file.Path));
            // Only ever delete inside the output folder, whatever the manifest says.
            if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)) File.Delete(path);
        }
        // An interrupted run lists no files: clear the server folders' hourly logs too.
        foreach (var serverDir in Directory.EnumerateDirectories(root, "app-*"))
        {
            foreach (var log in Directory.EnumerateFiles(serverDir, "app-*.log*")) File.Delete(log);
        }
        File.Delete(Path.Combine(root, GenerationTruth.FileName));
    }
}
