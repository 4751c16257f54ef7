namespace Sandbox.Slack.Blocks;

/// <summary>One Block Kit layout block. Texts are mrkdwn except the header's (plain_text, as Slack requires).</summary>
public abstract record SlackBlock
{
    /// <summary>The block's "type" on the wire.</summary>
    public abstract string Type { get; }
}

/// <summary>A large bold line; plain text only.</summary>
public sealed record HeaderBlock(string Text) : SlackBlock
{
    public override string Type => "header";
}

/// <summary>A paragraph (mrkdwn) and/or up to 10 short fields shown in two columns.</summary>
public sealed record SectionBlock(string? Text, IReadOnlyList<string>? Fields = null) : SlackBlock
{
    public override string Type => "section";
}

/// <summary>Small grey lines of mrkdwn below a message's content.</summary>
public sealed record ContextBlock(IReadOnlyList<string> Elements) : SlackBlock
{
    public override string Type => "context";
}

public sealed record DividerBlock : SlackBlock
{
    public override string Type => "divider";
}

/// <summary>
/// An image: either a public URL, or the name of a <see cref="Delivery.SlackImage"/> posted with the message
/// (uploaded to Slack first, then referenced by its file id).
/// </summary>
public sealed record ImageBlock(string AltText, string? Title, ImageSource Source) : SlackBlock
{
    public override string Type => "image";
}

public abstract record ImageSource
{
    public sealed record Url(string Address) : ImageSource;

    /// <summary>An image uploaded with the message, by <see cref="Delivery.SlackImage.Name"/>.</summary>
    public sealed record Attachment(string Name) : ImageSource;

    /// <summary>A file already in Slack (what a received message carries).</summary>
    public sealed record SlackFile(string Id) : ImageSource;
}

/// <summary>A block type this model does not build (actions, rich_text...): kept as received, counted against the 50.</summary>
public sealed record OtherBlock(string TypeName) : SlackBlock
{
    public override string Type => TypeName;
}
