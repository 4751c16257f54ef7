using System.Text.Json;
using Sandbox.Slack.Blocks;

namespace Sandbox.Slack.Tests;

public class SlackLimitsTests
{
    [Fact]
    public void Fifty_blocks_fit_and_fifty_one_are_refused()
    {
        _ = new SlackMessage("text", Enumerable.Repeat<SlackBlock>(new DividerBlock(), 50).ToList());
        var error = Assert.Throws<SlackMessageException>(() => new SlackMessage("text", Enumerable.Repeat<SlackBlock>(new DividerBlock(), 51).ToList()));
        Assert.Contains("51 blocks; Slack allows at most 50", error.Message);
    }

    [Fact]
    public void Section_text_over_3000_characters_is_refused_naming_the_block()
    {
        _ = new SlackMessage("text", [new SectionBlock(new string('x', 3000))]);
        var error = Assert.Throws<SlackMessageException>(() => new SlackMessage("text", [new HeaderBlock("h"), new SectionBlock(new string('x', 3001))]));
        Assert.Equal(["block 2 (section): text is 3001 characters; Slack allows at most 3000"], error.Problems);
    }

    [Fact]
    public void Every_broken_limit_is_listed()
    {
        var error = Assert.Throws<SlackMessageException>(() => new SlackMessage(" ",
        [
            new HeaderBlock(new string('h', 151)),
            new SectionBlock(null, Enumerable.Repeat("f", 11).ToList()),
            new SectionBlock(null),
            new ContextBlock([]),
            new ImageBlock("", null, new ImageSource.Url("https://example.com/a.png")),
        ]));
        Assert.Equal(
        [
            "text: the plain-text fallback is empty (notifications and old clients show only it)",
            "block 1 (header): text is 151 characters; Slack allows at most 150",
            "block 2 (section): 11 fields; Slack allows at most 10",
            "block 3 (section): needs text or fields",
            "block 4 (context): needs at least one element",
            "block 5 (image): alt_text is empty",
        ], error.Problems);
    }

    [Fact]
    public void Blocks_round_trip_through_Slack_json()
    {
        var message = Messages.WithChart();
        var json = BlockKitJson.Write(message.Blocks, name => name == "active-users.png" ? "F123" : null).ToJsonString();
        using var document = JsonDocument.Parse(json);
        Assert.Equal("plain_text", document.RootElement[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("F123", document.RootElement[2].GetProperty("slack_file").GetProperty("id").GetString());

        var read = BlockKitJson.Read(document.RootElement);
        Assert.Equal(new HeaderBlock("KPI digest 2026-12-01"), read[0]);
        Assert.Equal(["*DAU*\n1,234", "*WAU*\n5,678"], ((SectionBlock)read[1]).Fields!);
        Assert.Equal(new ImageSource.SlackFile("F123"), ((ImageBlock)read[2]).Source);
        Assert.Equal(["from the warehouse"], ((ContextBlock)read[3]).Elements);
    }

    [Fact]
    public void An_image_without_a_file_id_is_left_out()
    {
        var json = BlockKitJson.Write(Messages.WithChart().Blocks, _ => null);
        Assert.Equal(3, json.Count);
    }

    [Fact]
    public void A_malformed_block_is_named()
    {
        using var document = JsonDocument.Parse("""[{"type":"divider"},{"type":"section","text":"not an object"}]""");
        var error = Assert.Throws<FormatException>(() => BlockKitJson.Read(document.RootElement));
        Assert.StartsWith("block 2:", error.Message);
    }
}
