namespace Sandbox.Lake.Storage;

/// <summary>Writes under a temporary name in the same folder, then renames: readers see the whole file or none.</summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        var temporary = TemporaryName(path);
        try
        {
            await using (var target = File.Create(temporary)) await write(target);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>For writers that take a path (DuckDB's COPY): produce into the temporary name, then rename.</summary>
    public static void Produce(string path, Action<string> produce)
    {
        var temporary = TemporaryName(path);
        try
        {
            produce(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string TemporaryName(string path) => $"{path}.tmp-{Guid.NewGuid():N}";
}
