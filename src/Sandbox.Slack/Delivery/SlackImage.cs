namespace Sandbox.Slack.Delivery;

/// <summary>A PNG posted with a message; an <see cref="Blocks.ImageBlock"/> refers to it by <see cref="Name"/>.</summary>
public sealed record SlackImage(string Name, string Title, byte[] Png);
