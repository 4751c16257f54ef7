namespace Sandbox.Aws.Reads;

/// <summary>
/// What a read body lacks, in words for an error, or null when it is whole: the checks every reader of
/// the archive makes, because s3rver serves the prefix of an object still being written and GZipStream
/// inflates a prefix without complaint (<see cref="WholeGzipObjects"/>).
/// </summary>
public static class Shortfall
{
    /// <summary>A body shorter than the size a listing (or a manifest: <paramref name="said"/>) gave is short; one as long or longer is not.</summary>
    public static string? OfSize(long bytesRead, long? listedSize, string said = "the listing") =>
        listedSize is { } listed && bytesRead < listed ? $"{bytesRead:N0} bytes read, {said} said {listed:N0}" : null;

    /// <summary>
    /// A gzip body must end with the trailer of what it inflated to (<see cref="GzipTrailer"/>): one member, as
    /// the archive writes it. <paramref name="lastFour"/> is ignored below <see cref="GzipTrailer.SmallestMember"/> bytes.
    /// </summary>
    public static string? OfGzip(long bytesRead, ReadOnlySpan<byte> lastFour, long inflatedLength) =>
        bytesRead >= GzipTrailer.SmallestMember && GzipTrailer.TrailerMatches(lastFour, inflatedLength)
            ? null
            : $"{bytesRead:N0} bytes that do not end with the gzip trailer of the {inflatedLength:N0} bytes they inflate to";
}
