using System.Buffers.Binary;
using System.IO.Compression;

namespace Sandbox.Shipper.Tailing;

/// <summary>
/// Reads a .gz log whole (offsets count decompressed bytes, so a restart skips what was taken).
/// A file is complete when it decompresses cleanly and its size matches the gzip trailer's ISIZE;
/// otherwise it is probably still being written.
/// </summary>
internal static class GzipReader
{
    /// <summary>Takes every complete line; returns whether the file was read to a clean end (last line included).</summary>
    public static bool Drain(TailedFile file, LineReader reader, ILineSink sink, bool final, CancellationToken cancellationToken, out string? problem)
    {
        problem = null;
        using var compressed = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        var expectedSize = TrailerSize(compressed);
        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var counting = new CountingStream(gzip);
        try
        {
            Skip(counting, file.Offset);
            reader.Drain(counting, file, sink, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            problem = $"it does not decompress to the end ({e.Message})";
        }
        if (problem is null && (uint)counting.Total != expectedSize)
            problem = $"it decompresses to {counting.Total} bytes but its trailer says {expectedSize} (mod 2^32): it looks unfinished";
        if (problem is not null && !final) return false;
        reader.TakeLeftover(file, sink);
        return true;
    }

    private static uint TrailerSize(FileStream stream)
    {
        if (stream.Length < 18) return uint.MaxValue;
        Span<byte> isize = stackalloc byte[4];
        stream.Position = stream.Length - 4;
        stream.ReadExactly(isize);
        return BinaryPrimitives.ReadUInt32LittleEndian(isize);
    }

    private static void Skip(Stream stream, long bytes)
    {
        var scratch = new byte[1 << 16];
        while (bytes > 0)
        {
            var read = stream.Read(scratch, 0, (int)Math.Min(scratch.Length, bytes));
            if (read == 0) throw new EndOfStreamException($"the file holds fewer than the {bytes} decompressed bytes already taken");
            bytes -= read;
        }
    }

    private sealed class CountingStream(Stream inner) : Sandbox.Core.IO.ForwardOnlyReadStream
    {
        public long Total { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Total += read;
            return read;
        }
        public override long Position { get => Total; set => base.Position = value; }
    }
}
