namespace Sandbox.Slack.Blocks;

/// <summary>
/// A Block Kit message: the blocks people see and the plain <see cref="Text"/> that notifications,
/// screen readers and old clients show instead. Checked against <see cref="SlackLimits"/> when built.
/// </summary>
public sealed class SlackMessage
{
    public SlackMessage(string text, IReadOnlyList<SlackBlock> blocks)
    {
        var problems = SlackLimits.Violations(text, blocks);
        if (problems.Count > 0) throw new SlackMessageException(problems);
        Text = text;
        Blocks = blocks;
    }

    public string Text { get; }
    public IReadOnlyList<SlackBlock> Blocks { get; }

    /// <summary>Names of the uploaded images the blocks refer to.</summary>
    public IEnumerable<string> AttachmentNames =>
        Blocks.OfType<ImageBlock>().Select(b => b.Source).OfType<ImageSource.Attachment>().Select(a => a.Name);
}

/// <summary>A message Slack would refuse; <see cref="Problems"/> name each block and limit.</summary>
public sealed class SlackMessageException(IReadOnlyList<string> problems)
    : Exception("the Slack message breaks Slack's limits: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
