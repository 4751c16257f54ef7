using System.Globalization;
using System.Text;

namespace Sandbox.Shipper.Tailing;

/// <summary>Where reading of one file stopped: its inode and byte offset (decompressed bytes for .gz).</summary>
public readonly record struct FilePosition(ulong Inode, long Offset)
{
    /// <summary>Offset of a .gz file read to its end: it is never decompressed again.</summary>
    public const long Completed = long.MaxValue;

    public bool IsCompleted => Offset == Completed;
}

/// <summary>
/// fluentd's pos_file format: one <c>path\tinode\toffset</c> line per file, inode and offset as
/// 16 hex digits. Saved atomically (temp file, then rename) so a crash leaves the old or the new table.
/// </summary>
public sealed class PositionFile(string path, bool fsync = false)
{
    public string Path { get; } = path;

    public Dictionary<string, FilePosition> Load()
    {
        var table = new Dictionary<string, FilePosition>(StringComparer.Ordinal);
        if (!File.Exists(Path)) return table;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length != 3
                || !ulong.TryParse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var inode)
                || !long.TryParse(parts[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var offset)
                || offset < 0)
                throw new FormatException($"{Path}:{lineNumber}: expected 'path<TAB>inode hex<TAB>offset hex', got '{line}'");
            table[parts[0]] = new FilePosition(inode, offset);
        }
        return table;
    }

    public void Save(IEnumerable<KeyValuePair<string, FilePosition>> positions)
    {
        var text = new StringBuilder();
        foreach (var (file, position) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(file).Append('\t').Append(position.Inode.ToString("x16")).Append('\t').Append(position.Offset.ToString("x16")).Append('\n');
        AtomicFile.Write(Path, Encoding.UTF8.GetBytes(text.ToString()), fsync);
    }
}
