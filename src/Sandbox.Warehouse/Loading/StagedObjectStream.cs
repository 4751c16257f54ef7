using System.IO.Compression;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// Opens a staged object as plain bytes: gzip objects (found by their magic bytes, not their name,
/// as Firehose may or may not add .gz) are decompressed on the fly; anything else passes through.
/// </summary>
internal static class StagedObjectStream
{
    public static Stream Open(Stream source)
    {
        var head = new byte[2];
        var read = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var whole = new PrefixedStream(head.AsMemory(0, read), source);
        return read == 2 && head[0] == 0x1F && head[1] == 0x8B ? new GZipStream(whole, CompressionMode.Decompress) : whole;
    }

    /// <summary>Gives back the bytes read to sniff the format, then the rest of the source.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        // An S3 body is read once, front to back: the Stream contract's answer to everything else.
        public override long Length => throw ForwardOnly();
        public override long Position { get => throw ForwardOnly(); set => throw ForwardOnly(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw ForwardOnly();
        public override void SetLength(long value) => throw ForwardOnly();
        public override void Write(byte[] buffer, int offset, int count) => throw ForwardOnly();

        private static NotSupportedException ForwardOnly() => new("a staged S3 object is read forward only: no length, seeking or writing");

        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
