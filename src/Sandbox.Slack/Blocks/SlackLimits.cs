namespace Sandbox.Slack.Blocks;

/// <summary>Slack's published Block Kit limits (docs/SLACK.md): messages over them are refused by Slack.</summary>
public static class SlackLimits
{
    public const int MaxBlocks = 50;
    public const int MaxHeaderText = 150;
    public const int MaxSectionText = 3000;
    public const int MaxSectionFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxContextElements = 10;
    public const int MaxAltText = 2000;
    public const int MaxImageTitle = 2000;
    public const int MaxImageUrl = 3000;

    /// <summary>Slack truncates the top-level text beyond this.</summary>
    public const int MaxFallbackText = 40_000;

    /// <summary>Every limit the message breaks, each naming the block and the figure; empty when it fits.</summary>
    public static IReadOnlyList<string> Violations(string text, IReadOnlyList<SlackBlock> blocks)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) problems.Add("text: the plain-text fallback is empty (notifications and old clients show only it)");
        else if (text.Length > MaxFallbackText) problems.Add($"text: {text.Length} characters; Slack allows at most {MaxFallbackText}");
        if (blocks.Count > MaxBlocks) problems.Add($"blocks: {blocks.Count} blocks; Slack allows at most {MaxBlocks}");
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"block {i + 1} ({blocks[i].Type})";
            switch (blocks[i])
            {
                case HeaderBlock h:
                    Length(problems, at, "text", h.Text, MaxHeaderText, required: true);
                    break;
                case SectionBlock s:
                    if (s.Text is null && (s.Fields is null || s.Fields.Count == 0)) problems.Add($"{at}: needs text or fields");
                    Length(problems, at, "text", s.Text, MaxSectionText, required: false);
                    if (s.Fields is { } fields)
                    {
                        if (fields.Count > MaxSectionFields) problems.Add($"{at}: {fields.Count} fields; Slack allows at most {MaxSectionFields}");
                        for (var f = 0; f < fields.Count; f++) Length(problems, at, $"field {f + 1}", fields[f], MaxFieldText, required: true);
                    }
                    break;
                case ContextBlock c:
                    if (c.Elements.Count == 0) problems.Add($"{at}: needs at least one element");
                    if (c.Elements.Count > MaxContextElements) problems.Add($"{at}: {c.Elements.Count} elements; Slack allows at most {MaxContextElements}");
                    for (var e = 0; e < c.Elements.Count; e++) Length(problems, at, $"element {e + 1}", c.Elements[e], MaxSectionText, required: true);
                    break;
                case ImageBlock image:
                    Length(problems, at, "alt_text", image.AltText, MaxAltText, required: true);
                    Length(problems, at, "title", image.Title, MaxImageTitle, required: false);
                    if (image.Source is ImageSource.Url url) Length(problems, at, "image_url", url.Address, MaxImageUrl, required: true);
                    break;
            }
        }
        return problems;
    }

    private static void Length(List<string> problems, string at, string what, string? value, int max, bool required)
    {
        if (value is null || value.Length == 0)
        {
            if (required) problems.Add($"{at}: {what} is empty");
            return;
        }
        if (value.Length > max) problems.Add($"{at}: {what} is {value.Length} characters; Slack allows at most {max}");
    }
}
