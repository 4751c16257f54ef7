namespace Sandbox.Shipper.Tailing;

/// <summary>Expands the globs under the tailed folder: absolute path and '/'-separated relative path of every match.</summary>
internal sealed class FileDiscovery(string root, IReadOnlyList<GlobPattern> globs, string? excludedDirectory)
{
    private readonly string _root = System.IO.Path.GetFullPath(root);
    private readonly string? _excluded = excludedDirectory is null ? null : System.IO.Path.GetFullPath(excludedDirectory);

    public IEnumerable<(string Path, string Source)> Find()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.None };
        foreach (var path in Directory.EnumerateFiles(_root, "*", options))
        {
            // The shipper's own state folder may sit inside the tailed one: never tail our own buffer.
            if (_excluded is not null && path.StartsWith(_excluded + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var source = System.IO.Path.GetRelativePath(_root, path).Replace('\\', '/');
            if (globs.Any(g => g.Matches(source))) yield return (path, source);
        }
    }
}
