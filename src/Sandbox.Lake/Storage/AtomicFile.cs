namespace Sandbox.Lake.Storage;

/// <summary>Writes under a temporary name in the same folder, then renames: readers see the whole file or none.</summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, Func<Stream, Task> write) =>
        TryWriteAsync(path, async target =>
        {
            await write(target);
            return null;
        });

    /// <summary>
    /// As <see cref="WriteAsync"/>, but the writer may refuse what it wrote: a reason returned leaves nothing
    /// under <paramref name="path"/>. The target is readable and seekable, so a writer can check what it wrote.
    /// </summary>
    public static async Task<string?> TryWriteAsync(string path, Func<Stream, Task<string?>> write)
    {
        var temporary = TemporaryName(path);
        try
        {
            string? refused;
            await using (var target = File.Create(temporary)) refused = await write(target);
            if (refused is null) File.Move(temporary, path, overwrite: true);
            return refused;
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
