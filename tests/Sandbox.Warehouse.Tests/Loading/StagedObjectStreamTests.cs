using System.Text;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class StagedObjectStreamTests
{
    private static readonly string Text = string.Concat(Enumerable.Range(0, 2_000).Select(_ => EventLines.Line() + "\n"));
    private static readonly byte[] Gzip = StagingBucket.Encode(Text, gzip: true);

    [Fact]
    public async Task A_whole_gzip_object_reads_as_its_lines_and_is_whole_with_or_without_a_manifest_size()
    {
        await using var staged = StagedObjectStream.Open(new MemoryStream(Gzip));

        Assert.Equal(Text, ReadToEnd(staged));
        Assert.Null(staged.Incomplete(manifestSize: null));
        Assert.Null(staged.Incomplete(Gzip.Length));
    }

    [Fact]
    public async Task A_cut_gzip_object_inflates_without_an_error_and_is_not_whole()
    {
        var cut = Gzip[..(Gzip.Length / 2)];
        await using var staged = StagedObjectStream.Open(new MemoryStream(cut));

        Assert.InRange(ReadToEnd(staged).Length, 1, Text.Length - 1);
        Assert.StartsWith($"{cut.Length:N0} bytes that do not end with the gzip trailer", staged.Incomplete(manifestSize: null));
        Assert.Equal($"{cut.Length:N0} bytes read, the manifest said {Gzip.Length:N0}", staged.Incomplete(Gzip.Length));
    }

    [Fact]
    public async Task A_plain_object_is_whole_unless_shorter_than_its_manifest_size()
    {
        var plain = Encoding.UTF8.GetBytes(Text);
        await using var staged = StagedObjectStream.Open(new MemoryStream(plain));

        Assert.Equal(Text, ReadToEnd(staged));
        Assert.Null(staged.Incomplete(manifestSize: null));
        Assert.Null(staged.Incomplete(plain.Length));
        Assert.Equal($"{plain.Length:N0} bytes read, the manifest said {plain.Length + 1:N0}", staged.Incomplete(plain.Length + 1));
    }

    private static string ReadToEnd(StagedObjectStream staged) => new StreamReader(staged.Content, Encoding.UTF8).ReadToEnd();
}
