using System.IO.Compression;
using System.Text;
using Sandbox.Firehose.Destinations;

namespace Sandbox.Firehose.Tests.Destinations;

public class JsonLinesTests
{
    public static string Gunzip(byte[] gzip)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static ReadOnlyMemory<byte> Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Gzip_content_is_one_newline_terminated_line_per_record()
    {
        var body = JsonLines.EncodeGzip([Utf8("{\"a\":1}"), Utf8("{\"b\":2}\n"), Utf8("{\"c\":3}\r\n")]);

        Assert.Equal("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", Gunzip(body));
    }

    [Fact]
    public void Gzip_content_equals_the_plain_lines_across_buffer_boundaries()
    {
        // Many small records past 64 KB, one record bigger than the buffer, a line end at the very end.
        var records = Enumerable.Range(0, 5_000).Select(i => Utf8($"{{\"n\":{i}}}\n"))
            .Append(Utf8("{\"big\":\"" + new string('x', 200_000) + "\"}")).Append(Utf8("{\"last\":true}\r\n")).ToList();

        Assert.Equal(Encoding.UTF8.GetString(JsonLines.Encode(records)), Gunzip(JsonLines.EncodeGzip(records)));
    }

    [Fact]
    public void Plain_content_is_the_same_lines_in_an_array_of_exactly_their_size()
    {
        var body = JsonLines.Encode([Utf8("{\"a\":1}"), Utf8("{\"b\":2}\n"), Utf8("{\"c\":3}\r\n")]);

        Assert.Equal("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", Encoding.UTF8.GetString(body));
    }

    [Theory]
    [InlineData("{\"a\":1}")]
    [InlineData("{\"a\":{\"b\":[1,2]}}\n")]
    public void Json_objects_pass(string line) => Assert.Null(JsonLines.Problem(Utf8(line)));

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("", "empty")]
    [InlineData("\n", "empty")]
    [InlineData("{\"a\":1}{\"b\":2}", "more than one JSON value")]
    public void Other_records_fail_processing_with_a_reason(string line, string reason) =>
        Assert.Contains(reason, JsonLines.Problem(Utf8(line)));
}
