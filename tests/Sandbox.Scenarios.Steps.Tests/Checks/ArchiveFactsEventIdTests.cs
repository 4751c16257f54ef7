using System.Text;
using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Scenarios.Steps.Tests.Checks;

/// <summary>The byte reader of archived lines answers (or throws) exactly as the text reader it replaced.</summary>
public sealed class ArchiveFactsEventIdTests
{
    public static TheoryData<string> Lines => new()
    {
        """{"event_id":"e-1","event_name":"app_open"}""",
        """{"event_name":"x","props":{"event_id":"nested"},"event_id":"top"}""",
        """{"event_id":"first","event_id":"second"}""",
        """{"event_\u0069d":"escaped-name","event_id2":"no"}""",
        """{"event_id":"caf\u00e9 \"quoted\""}""",
        """{"event_id":null}""",
        """{"no_id":true,"list":[1,2,{"event_id":"in-array"}]}""",
        """  {"event_id":"padded"}  """,
        "{}",
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_line_gives_the_id_the_text_reader_gives(string line) =>
        Assert.Equal(ArchiveFacts.EventId(line), ArchiveFacts.EventId(Encoding.UTF8.GetBytes(line)));

    [Theory]
    [InlineData("""{"event_id":5}""")]
    [InlineData("""["event_id"]""")]
    [InlineData("""{"event_id":"a"} {"event_id":"b"}""")]
    [InlineData("""{"event_id":"a",}""")]
    [InlineData("not json")]
    [InlineData("   ")]
    public void A_line_the_text_reader_refuses_is_refused_with_the_same_error(string line)
    {
        var text = Record.Exception(() => ArchiveFacts.EventId(line));
        var bytes = Record.Exception(() => ArchiveFacts.EventId(Encoding.UTF8.GetBytes(line)));
        Assert.NotNull(text);
        Assert.Equal(text.GetType(), bytes?.GetType());
        Assert.Equal(text.Message, bytes!.Message);
    }

    [Fact]
    public void Lines_split_as_a_stream_reader_splits_them_and_empty_ones_are_skipped()
    {
        var body = "\uFEFF{\"event_id\":\"a\"}\n\n{\"event_id\":\"b\"}\r\n{\"event_id\":\"c\"}\r{\"event_id\":\"d\"}"u8.ToArray();
        var expected = new List<string>();
        using (var reader = new StreamReader(new MemoryStream(body)))
            while (reader.ReadLine() is { } line)
                if (line.Length > 0) expected.Add(ArchiveFacts.EventId(line));
        Assert.Equal(["a", "b", "c", "d"], expected);
        Assert.Equal(expected, ArchiveFacts.EventIdsOf(body));
    }

    [Fact]
    public void Invalid_utf8_in_a_line_reads_as_the_text_reader_reads_it()
    {
        var line = Encoding.ASCII.GetBytes("{\"event_id\":\"x?y\"}");
        line[14] = 0xFF; // the '?'
        Assert.Equal((byte)'x', line[13]);
        Assert.Equal(ArchiveFacts.EventId(Encoding.UTF8.GetString(line)), ArchiveFacts.EventId(line));
    }
}
