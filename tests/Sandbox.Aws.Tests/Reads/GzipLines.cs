using System.IO.Compression;
using System.Text;

namespace Sandbox.Aws.Tests.Reads;

/// <summary>JSON lines shaped like archived events, gzipped as the archive writes them (one member).</summary>
internal static class GzipLines
{
    /// <summary>Lines with random ids and padding, so the gzip body is large enough to be cut mid-way.</summary>
    public static List<string> Events(int count) =>
        Enumerable.Range(0, count)
            .Select(i => $$"""{"event_id":"{{Guid.NewGuid()}}","seq":{{i}},"pad":"{{Convert.ToBase64String(Guid.NewGuid().ToByteArray())}}"}""")
            .ToList();

    public static byte[] Gzip(IEnumerable<string> lines)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));
        return output.ToArray();
    }

    public static List<string> LinesOf(ReadOnlyMemory<byte> text) =>
        Encoding.UTF8.GetString(text.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>How every reader of the archive inflated an object before: GZipStream straight over the body.</summary>
    public static byte[] InflateAsBefore(byte[] body)
    {
        using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);
        return inflated.ToArray();
    }
}
