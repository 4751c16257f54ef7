namespace Sandbox.Shipper;

/// <summary>Writes a whole file under a temporary name then renames it: readers see the old or the new content, never half.</summary>
internal static class AtomicFile
{
    public const string TempSuffix = ".tmp";

    public static void Write(string path, ReadOnlyMemory<byte> content, bool fsync) => Write(path, fsync, stream => stream.Write(content.Span));

    public static void Write(string path, bool fsync, Action<FileStream> write)
    {
        var temp = path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            write(stream);
            stream.Flush(flushToDisk: fsync);
        }
        File.Move(temp, path, overwrite: true);
    }
}
