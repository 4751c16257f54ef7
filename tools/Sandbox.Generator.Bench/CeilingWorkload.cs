using Sandbox.Generator.Output;
using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Bench;

/// <summary>
/// The ceiling the generator is judged on: what the same output path costs without the simulation.
/// Rows of random values, written with the generator's own encoder (<see cref="LineBuilder"/>: pre-encoded
/// fragments, no allocation per row), padded to the generator's mean line size, through the same
/// <see cref="HourlyLogFileSink"/> (4 servers x hourly files, plain or gzip Fastest), on the same number
/// of threads (one server per task, as <see cref="GeneratorRunner"/> does). So generator / ceiling is
/// the price of realism: sessions, users, ground truth, consistent ids.
/// </summary>
public static class CeilingWorkload
{
    private const int Servers = 4;
    private const long DayMs = 86_400_000;
    private static readonly byte[][] Names = ["view_post"u8.ToArray(), "like_post"u8.ToArray(), "search"u8.ToArray(), "view_product"u8.ToArray()];
    private static readonly byte[][] Platforms = ["ios"u8.ToArray(), "android"u8.ToArray(), "web"u8.ToArray()];

    public static StageResult Run(string stage, string outputDirectory, long rows, int rowBytes, int threads, bool gzip)
    {
        if (Directory.Exists(outputDirectory)) Directory.Delete(outputDirectory, recursive: true);
        var sink = new HourlyLogFileSink(outputDirectory, gzip);
        var dayStart = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var bytes = new long[Servers];
        var started = System.Diagnostics.Stopwatch.StartNew();
        Parallel.For(0, Servers, new ParallelOptions { MaxDegreeOfParallelism = threads }, server =>
        {
            var serverRows = rows / Servers + (server < rows % Servers ? 1 : 0);
            using var stream = sink.OpenServer(GeneratorRunner.ServerName(server));
            var random = new Xoshiro256(42 + (ulong)server);
            var line = new LineBuilder(EventLineWriter.MaxLineBytes);
            for (long i = 0; i < serverRows; i++)
            {
                // received_at grows through the day, as the servers' logs do.
                var received = dayStart + i * DayMs / serverRows;
                Write(line, ref random, received - random.Next(2_000), rowBytes);
                stream.Write(line.Written, received);
            }
            bytes[server] = stream.Complete().Sum(o => o.Bytes);
        });
        var seconds = started.Elapsed.TotalSeconds;
        Directory.Delete(outputDirectory, recursive: true);
        return new StageResult(stage, rows, seconds, bytes.Sum(), threads);
    }

    /// <summary>
    /// An event-shaped line in the generator's field order, padded to exactly <paramref name="rowBytes"/> with
    /// tokens from a small pool (so the gzip run compresses text, not noise); random ids as the generator's.
    /// </summary>
    private static void Write(LineBuilder b, ref Xoshiro256 random, long eventMs, int rowBytes)
    {
        b.Clear();
        b.Raw("{\"event_id\":\""u8);
        b.EventId(eventMs, random.NextULong(), random.NextULong());
        b.Raw("\",\"event_name\":\""u8);
        b.Raw(Names[random.Next(Names.Length)]);
        b.Raw("\",\"user_id\":\"u"u8);
        b.Digits(random.Next(100_000_000), 8);
        b.Raw("\",\"anonymous_id\":\""u8);
        b.Hex16(random.NextULong());
        b.Raw("\",\"session_id\":\"s-"u8);
        b.Hex16(random.NextULong());
        b.Raw("\",\"platform\":\""u8);
        b.Raw(Platforms[random.Next(Platforms.Length)]);
        b.Raw("\",\"os_version\":\"17.5\",\"device_model\":\"iPhone15,2\",\"app_version\":\"5.11.0\",\"locale\":\"ja-JP\",\"event_time\":\""u8);
        b.Timestamp(eventMs);
        b.Raw("\",\"received_at\":\""u8);
        b.Timestamp(eventMs + random.Next(2_000));
        b.Raw("\",\"properties\":{\"post_id\":\"po"u8);
        b.Digits(random.Next(100_000_000), 8);
        b.Byte((byte)'"');
        const int padOverhead = 11; // ,"pad":"" and the two closing braces
        var pad = rowBytes - b.Length - padOverhead;
        if (pad > 0)
        {
            b.Raw(",\"pad\":\""u8);
            for (; pad >= PadToken; pad -= PadToken) b.Raw(PadTokens[random.Next(PadTokens.Length)]);
            b.Raw(PadTokens[random.Next(PadTokens.Length)].AsSpan(0, pad));
            b.Byte((byte)'"');
        }
        b.Raw("}}"u8);
    }

    private const int PadToken = 8;
    private static readonly byte[][] PadTokens = Enumerable.Range(0, 64)
        .Select(i => System.Text.Encoding.ASCII.GetBytes(((ulong)i * 0x9E3779B97F4A7C15UL).ToString("x16")[..PadToken])).ToArray();
}
