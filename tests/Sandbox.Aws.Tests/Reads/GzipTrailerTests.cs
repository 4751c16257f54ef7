using Sandbox.Aws.Reads;

namespace Sandbox.Aws.Tests.Reads;

public class GzipTrailerTests
{
    private static readonly List<string> Lines = GzipLines.Events(2_000);
    private static readonly byte[] Body = GzipLines.Gzip(Lines);
    private static readonly long Inflated = Lines.Sum(l => l.Length + 1L);

    [Fact]
    public void A_whole_body_ends_with_the_trailer_of_what_it_inflates_to()
    {
        Assert.True(GzipTrailer.Matches(Body, Inflated));
        Assert.False(GzipTrailer.Matches(Body, Inflated + 1));
    }

    [Fact]
    public void GZipStream_inflates_a_cut_body_without_an_error_and_the_trailer_check_refuses_every_cut()
    {
        // The reason for the check: a header-only prefix inflates to nothing, a longer one to fewer lines.
        Assert.Empty(GzipLines.InflateAsBefore(Body[..10]));
        Assert.InRange(GzipLines.LinesOf(GzipLines.InflateAsBefore(Body[..(Body.Length / 2)])).Count, 1, Lines.Count - 1);

        foreach (var cut in new[] { 0, 2, 10, 19, 20, Body.Length / 3, Body.Length / 2, Body.Length - 8, Body.Length - 4, Body.Length - 1 })
        {
            var prefix = Body[..cut];
            Assert.False(GzipTrailer.Matches(prefix, GzipLines.InflateAsBefore(prefix).Length), $"a body cut at {cut} of {Body.Length} bytes passed");
        }
    }

    [Fact]
    public void A_body_that_is_not_gzip_never_matches()
    {
        var plain = "{\"event_id\":\"a\"}\n\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"u8.ToArray();
        Assert.False(GzipTrailer.Matches(plain, 0));
    }
}
