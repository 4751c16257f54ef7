using Sandbox.Aws.Reads;

namespace Sandbox.Aws.Tests.Reads;

public class TallyingStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Counts_every_byte_and_keeps_the_last_four_whatever_the_read_sizes(int readSize)
    {
        var body = Enumerable.Range(0, 1_003).Select(i => (byte)(i * 7)).ToArray();
        using var tally = new TallyingStream(new MemoryStream(body));
        var buffer = new byte[readSize];
        while (tally.Read(buffer, 0, buffer.Length) > 0) { }

        Assert.Equal(body.Length, tally.Count);
        Assert.Equal(body[^4..], tally.LastFour.ToArray());
    }

    [Fact]
    public void A_whole_gzip_body_read_through_tallies_on_both_sides_matches_its_trailer()
    {
        var body = GzipLines.Gzip(GzipLines.Events(500));
        using var compressed = new TallyingStream(new MemoryStream(body));
        using var inflated = new TallyingStream(new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Decompress));
        inflated.CopyTo(Stream.Null);

        Assert.Equal(body.Length, compressed.Count);
        Assert.True(GzipTrailer.TrailerMatches(compressed.LastFour, inflated.Count));
    }
}
