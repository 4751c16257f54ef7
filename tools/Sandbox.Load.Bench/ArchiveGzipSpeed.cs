using System.IO.Compression;
using System.Text;
using Sandbox.Firehose.Destinations;
using static Sandbox.Load.Bench.BenchTiming;

namespace Sandbox.Load.Bench;

/// <summary>
/// The to-archive stream gzips every record of a run. Times JsonLines.EncodeGzip (lines through a 64 KB buffer,
/// one deflater call per buffer) against the former way (a deflater call for each line and one for its newline),
/// alternating rounds over the same batch, both checked to give the same lines.
/// </summary>
public static class ArchiveGzipSpeed
{
    public static int Run(string day, int records, int rounds)
    {
        var batch = DayLines(day, records).Select(line => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(line)).ToList();
        Console.WriteLine($"archive batch: {batch.Count:N0} records, {batch.Sum(r => (long)r.Length) / 1e6:N1} MB; {Environment.ProcessorCount} cores, load {LoadAverage()}");
        if (!Gunzip(JsonLines.EncodeGzip(batch)).SequenceEqual(Gunzip(PerRecordWrites(batch))))
            throw new InvalidOperationException("the two encoders disagree on the lines");
        Compare("per-record writes", () => PerRecordWrites(batch), "buffered", () => JsonLines.EncodeGzip(batch), rounds, batch.Count);
        return 0;
    }

    /// <summary>The former encoder, kept here as the baseline.</summary>
    private static byte[] PerRecordWrites(List<ReadOnlyMemory<byte>> records)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            foreach (var record in records)
            {
                gzip.Write(record.Span);
                gzip.WriteByte((byte)'\n');
            }
        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] gzip)
    {
        using var plain = new MemoryStream();
        using (var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress)) inflate.CopyTo(plain);
        return plain.ToArray();
    }
}
