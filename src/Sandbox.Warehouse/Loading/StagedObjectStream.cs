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
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Sandbox.Core.IO.ForwardOnlyReadStream
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


        protected override void Dispose(bool disposing)
        {
            if (disposing) rest.Dispose();
            base.Dispose(disposing);
        }
    }
}
