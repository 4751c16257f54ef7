using System.Buffers.Binary;

namespace Sandbox.Aws.Reads;

/// <summary>
/// Whether a gzip body arrived whole. .NET's GZipStream ends a truncated body silently: it returns
/// what it could inflate and checks neither the CRC nor the length in the trailer, so a prefix of
/// an object reads as a smaller valid one (an empty or header-only prefix as no data at all). The
/// trailer's last 4 bytes (ISIZE) are the uncompressed length mod 2^32: a body cut anywhere ends
/// with 4 bytes that match the length it inflated to only by chance (about 1 in 4 billion).
/// </summary>
public static class GzipTrailer
{
    /// <summary>The 10-byte header, the 2-byte empty final block and the 8-byte trailer.</summary>
    public const int SmallestMember = 20;

    /// <summary>
    /// True when <paramref name="body"/> starts as gzip and ends with the trailer of a member that
    /// inflates to <paramref name="inflatedLength"/> bytes. The trailer describes the last member:
    /// for a body of several concatenated members this is false even when it is whole.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> body, long inflatedLength) =>
        body.Length >= SmallestMember && StartsAsGzip(body) && TrailerMatches(body[^4..], inflatedLength);

    /// <summary>The ISIZE field (last 4 bytes of a member) against an inflated length.</summary>
    public static bool TrailerMatches(ReadOnlySpan<byte> lastFour, long inflatedLength) =>
        BinaryPrimitives.ReadUInt32LittleEndian(lastFour) == unchecked((uint)inflatedLength);

    public static bool StartsAsGzip(ReadOnlySpan<byte> body) => body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;
}
