using System.IO.Compression;
using Sandbox.Aws.Reads;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// A staged object as plain bytes: gzip objects (found by their magic bytes, not their name, as Firehose
/// may or may not add .gz) are decompressed on the fly; anything else passes through. Once
/// <see cref="Content"/> is read to its end, <see cref="Incomplete"/> says whether the object arrived whole:
/// a manifest is written after its objects' PUTs answer, but s3rver may answer a PUT before its last bytes
/// reach the file and serves what is there, and GZipStream ends a cut gzip body without an error
/// (<see cref="WholeGzipObjects"/>).
/// </summary>
internal sealed class StagedObjectStream : IAsyncDisposable
{
    private readonly TallyingStream _body;
    private readonly TallyingStream? _inflated;

    private StagedObjectStream(TallyingStream body, TallyingStream? inflated, Stream content)
    {
        (_body, _inflated, Content) = (body, inflated, content);
    }

    public Stream Content { get; }

    public static StagedObjectStream Open(Stream source)
    {
        var body = new TallyingStream(source);
        var head = new byte[2];
        var read = body.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var whole = new PrefixedStream(head.AsMemory(0, read), body);
        if (!GzipTrailer.StartsAsGzip(head.AsSpan(0, read))) return new StagedObjectStream(body, null, whole);
        var inflated = new TallyingStream(new GZipStream(whole, CompressionMode.Decompress));
        return new StagedObjectStream(body, inflated, inflated);
    }

    /// <summary>
    /// Why the object, read to its end, was not whole; null when it was. A size the manifest gives
    /// (<c>meta.content_length</c>, which Firehose writes) is the writer's own count and settles it; without
    /// one a gzip body must end with the trailer of what it inflated to, so a body of several gzip members
    /// (whose last trailer covers only the last) needs that size in its manifest entry.
    /// </summary>
    public string? Incomplete(long? manifestSize)
    {
        if (manifestSize is not null) return Shortfall.OfSize(_body.Count, manifestSize, said: "the manifest");
        return _inflated is null ? null : Shortfall.OfGzip(_body.Count, _body.LastFour, _inflated.Count);
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();

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
