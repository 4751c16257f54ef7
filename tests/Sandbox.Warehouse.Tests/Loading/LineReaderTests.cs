using System.Text;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class LineReaderTests
{
    [Theory]
    [InlineData("a\nbb\nccc\n", new[] { "a", "bb", "ccc" })]
    [InlineData("a\r\nbb\r\nccc", new[] { "a", "bb", "ccc" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    [InlineData("", new string[0])]
    public void Splits_on_newlines_with_or_without_a_last_one(string text, string[] expected) =>
        Assert.Equal(expected, ReadAll(text, bufferSize: 4));

    [Fact]
    public void Lines_longer_than_the_buffer_come_out_whole()
    {
        var longLine = new string('x', 10_000);

        Assert.Equal(["short", longLine, "end"], ReadAll($"short\n{longLine}\nend\n", bufferSize: 16));
    }

    private static List<string> ReadAll(string text, int bufferSize)
    {
        var reader = new LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize);
        var lines = new List<string>();
        while (reader.TryReadLine(out var line)) lines.Add(Encoding.UTF8.GetString(line));
        return lines;
    }
}
