using System.IO.Compression;
using System.Text.Json;
using static Sandbox.Load.Bench.BenchTiming;
using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Load.Bench;

/// <summary>
/// The load monitor reads every archived event's id while the pipeline runs. Times the reader it uses
/// (ArchiveFacts.EventIdsOfGzip: UTF-8 bytes, one Utf8JsonReader pass per line) against the former way
/// (StreamReader lines as strings, a JsonDocument per line), alternating rounds over the same object,
/// both checked to give the same ids.
/// </summary>
public static class ArchiveIdsSpeed
{
    public static int Run(string day, int records, int rounds)
    {
        var gzip = ArchiveObject(day, records, out var lines);
        Console.WriteLine($"archive object: {lines:N0} lines, {gzip.Length / 1e6:N1} MB gzip; {Environment.ProcessorCount} cores, load {LoadAverage()}");
        var expected = TextReader(gzip);
        if (!expected.SequenceEqual(ArchiveFacts.EventIdsOfGzip(new MemoryStream(gzip))))
            throw new InvalidOperationException("the two readers disagree on the ids");
        Compare("text + JsonDocument", () => TextReader(gzip), "bytes", () => ArchiveFacts.EventIdsOfGzip(new MemoryStream(gzip)), rounds, lines);
        return 0;
    }

    /// <summary>The former reader, kept here as the baseline.</summary>
    private static List<string> TextReader(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress));
        var ids = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var json = JsonDocument.Parse(line);
            ids.Add(json.RootElement.TryGetProperty("event_id", out var id) ? id.GetString() ?? "" : "");
        }
        return ids;
    }

    /// <summary>The day's first lines as the to-archive stream writes them: one gzip object of JSON lines.</summary>
    private static byte[] ArchiveObject(string day, int records, out int lines)
    {
        var output = new MemoryStream();
        lines = 0;
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
            foreach (var line in DayLines(day, records))
            {
                writer.Write(line);
                writer.Write('\n');
                lines++;
            }
        return output.ToArray();
    }
}
