using System.Buffers.Text;
using System.Text.Json;

namespace Sandbox.Generator.Bench;

/// <summary>
/// The raw ceiling: rows of seeded System.Random values with the same field count and about the
/// same size as an event (12 envelope fields + 4 properties), written as JSON lines with
/// Utf8JsonWriter on one thread, formatting without allocations.
/// </summary>
public static class CeilingWorkload
{
    private static readonly JsonEncodedText[] Names = new[] { "view_post", "like_post", "search", "view_product" }.Select(n => JsonEncodedText.Encode(n)).ToArray();
    private static readonly JsonEncodedText[] Platforms = new[] { "ios", "android", "web" }.Select(n => JsonEncodedText.Encode(n)).ToArray();

    public static StageResult Run(string outputDirectory, long rows)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, "ceiling.jsonl");
        var random = new Random(42);
        var started = System.Diagnostics.Stopwatch.StartNew();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            var writer = new Utf8JsonWriter(file);
            var baseTime = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            Span<byte> scratch = stackalloc byte[32];
            for (long i = 0; i < rows; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("event_id"u8, Hex(random.NextInt64(), random.NextInt64(), scratch));
                writer.WriteString("event_name"u8, Names[random.Next(Names.Length)]);
                writer.WriteString("user_id"u8, Decimal(random.Next(100_000_000), scratch));
                writer.WriteString("anonymous_id"u8, Hex(random.NextInt64(), 0, scratch[..16]));
                writer.WriteString("session_id"u8, Hex(random.NextInt64(), 0, scratch[..16]));
                var time = baseTime.AddMilliseconds(random.Next(86_400_000));
                writer.WriteString("event_time"u8, time);
                writer.WriteString("received_at"u8, time.AddMilliseconds(random.Next(2_000)));
                writer.WriteString("platform"u8, Platforms[random.Next(Platforms.Length)]);
                writer.WriteString("os_version"u8, "17.5"u8);
                writer.WriteString("device_model"u8, "iPhone15,2"u8);
                writer.WriteString("app_version"u8, "5.11.0"u8);
                writer.WriteString("locale"u8, "ja-JP"u8);
                writer.WriteStartObject("properties"u8);
                writer.WriteString("post_id"u8, Decimal(random.Next(100_000_000), scratch));
                writer.WriteString("author_id"u8, Decimal(random.Next(100_000_000), scratch));
                writer.WriteString("source"u8, "feed"u8);
                writer.WriteNumber("position"u8, random.Next(60));
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.Flush();
                writer.Reset();
                file.WriteByte((byte)'\n');
            }
        }
        var seconds = started.Elapsed.TotalSeconds;
        var bytes = new FileInfo(path).Length;
        File.Delete(path);
        return new StageResult("ceiling", rows, seconds, bytes, 1);
    }

    private static ReadOnlySpan<byte> Decimal(int value, Span<byte> scratch)
    {
        Utf8Formatter.TryFormat(value, scratch, out var written, new System.Buffers.StandardFormat('D', 9));
        return scratch[..written];
    }

    private static ReadOnlySpan<byte> Hex(long a, long b, Span<byte> scratch)
    {
        Utf8Formatter.TryFormat((ulong)a, scratch, out var n1, new System.Buffers.StandardFormat('x', 16));
        if (scratch.Length < 32) return scratch[..n1];
        Utf8Formatter.TryFormat((ulong)b, scratch[16..], out var n2, new System.Buffers.StandardFormat('x', 16));
        return scratch[..(n1 + n2)];
    }
}
