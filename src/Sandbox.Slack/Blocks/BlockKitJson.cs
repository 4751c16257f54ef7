using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sandbox.Slack.Blocks;

/// <summary>Blocks to and from Slack's JSON (the wire format of webhooks, chat.postMessage and conversations.history).</summary>
public static class BlockKitJson
{
    /// <summary>
    /// The blocks as Slack's JSON. <paramref name="fileIdOf"/> gives the Slack file id of an attached image;
    /// an image it has none for (a webhook cannot upload) is left out.
    /// </summary>
    public static JsonArray Write(IEnumerable<SlackBlock> blocks, Func<string, string?> fileIdOf)
    {
        var array = new JsonArray();
        foreach (var block in blocks)
            if (Write(block, fileIdOf) is { } node) array.Add(node);
        return array;
    }

    private static JsonObject? Write(SlackBlock block, Func<string, string?> fileIdOf) => block switch
    {
        HeaderBlock h => new JsonObject { ["type"] = "header", ["text"] = Text("plain_text", h.Text) },
        SectionBlock s => Section(s),
        ContextBlock c => new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(c.Elements.Select(e => (JsonNode)Text("mrkdwn", e)).ToArray()) },
        DividerBlock => new JsonObject { ["type"] = "divider" },
        ImageBlock i => Image(i, fileIdOf),
        OtherBlock o => throw new ArgumentException($"block type '{o.TypeName}' is only read, never written"),
        _ => throw new ArgumentException($"unknown block {block.GetType().Name}"),
    };

    private static JsonObject Section(SectionBlock s)
    {
        var node = new JsonObject { ["type"] = "section" };
        if (s.Text is { } text) node["text"] = Text("mrkdwn", text);
        if (s.Fields is { Count: > 0 } fields) node["fields"] = new JsonArray(fields.Select(f => (JsonNode)Text("mrkdwn", f)).ToArray());
        return node;
    }

    private static JsonObject? Image(ImageBlock image, Func<string, string?> fileIdOf)
    {
        var node = new JsonObject { ["type"] = "image", ["alt_text"] = image.AltText };
        if (image.Title is { } title) node["title"] = Text("plain_text", title);
        switch (image.Source)
        {
            case ImageSource.Url url: node["image_url"] = url.Address; break;
            case ImageSource.SlackFile file: node["slack_file"] = new JsonObject { ["id"] = file.Id }; break;
            case ImageSource.Attachment attachment:
                if (fileIdOf(attachment.Name) is not { } id) return null;
                node["slack_file"] = new JsonObject { ["id"] = id };
                break;
        }
        return node;
    }

    private static JsonObject Text(string type, string text) => new() { ["type"] = type, ["text"] = text };

    /// <summary>Reads Slack's JSON blocks; throws <see cref="FormatException"/> naming the block that is malformed.</summary>
    public static IReadOnlyList<SlackBlock> Read(JsonElement blocks)
    {
        if (blocks.ValueKind != JsonValueKind.Array) throw new FormatException("blocks must be a JSON array");
        var result = new List<SlackBlock>();
        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            index++;
            try
            {
                result.Add(ReadBlock(block));
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                throw new FormatException($"block {index}: {e.Message}", e);
            }
        }
        return result;
    }

    private static SlackBlock ReadBlock(JsonElement block)
    {
        if (block.ValueKind != JsonValueKind.Object) throw new FormatException("a block must be a JSON object");
        var type = block.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "header" => new HeaderBlock(TextOf(block.GetProperty("text"))),
            "section" => new SectionBlock(
                block.TryGetProperty("text", out var text) ? TextOf(text) : null,
                block.TryGetProperty("fields", out var fields) ? fields.EnumerateArray().Select(TextOf).ToList() : null),
            "context" => new ContextBlock(block.GetProperty("elements").EnumerateArray().Select(ElementText).ToList()),
            "divider" => new DividerBlock(),
            "image" => new ImageBlock(
                block.GetProperty("alt_text").GetString() ?? "",
                block.TryGetProperty("title", out var title) ? TextOf(title) : null,
                block.TryGetProperty("image_url", out var url) ? new ImageSource.Url(url.GetString() ?? "")
                : block.TryGetProperty("slack_file", out var file) ? new ImageSource.SlackFile(FileId(file))
                : throw new FormatException("an image needs image_url or slack_file")),
            null or "" => throw new FormatException("the block has no type"),
            _ => new OtherBlock(type),
        };
    }

    private static string TextOf(JsonElement text) =>
        text.ValueKind == JsonValueKind.Object && text.GetProperty("type").GetString() is "plain_text" or "mrkdwn"
            ? text.GetProperty("text").GetString() ?? ""
            : throw new FormatException("a text object needs type plain_text or mrkdwn and a text");

    // Context elements are texts or small images; an image shows as its alt text.
    private static string ElementText(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.GetString() == "image"
            ? element.GetProperty("alt_text").GetString() ?? ""
            : TextOf(element);

    private static string FileId(JsonElement file) =>
        file.TryGetProperty("id", out var id) ? id.GetString() ?? "" : throw new FormatException("slack_file needs an id (url is not supported here)");
}
