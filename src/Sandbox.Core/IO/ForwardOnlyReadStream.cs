namespace Sandbox.Core.IO;

/// <summary>
/// Base for streams read once, front to back (an S3 body, a gzip member being decompressed):
/// subclasses supply Read; length, seeking and writing are refused with a message that says why.
/// </summary>
public abstract class ForwardOnlyReadStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw ForwardOnly();
    public override long Position { get => throw ForwardOnly(); set => throw ForwardOnly(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw ForwardOnly();
    public override void SetLength(long value) => throw ForwardOnly();
    public override void Write(byte[] buffer, int offset, int count) => throw ForwardOnly();

    private NotSupportedException ForwardOnly() =>
        new($"{GetType().Name} is read forward only: it has no length and cannot seek or be written");
}
