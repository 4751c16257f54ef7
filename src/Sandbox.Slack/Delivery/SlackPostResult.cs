namespace Sandbox.Slack.Delivery;

/// <param name="Channel">The channel id Slack answered (null for a webhook, which does not say).</param>
/// <param name="Ts">The message's timestamp id (null for a webhook).</param>
/// <param name="FileIds">Uploaded images by name.</param>
/// <param name="Notes">What was not delivered and why (e.g. images a webhook cannot carry).</param>
public sealed record SlackPostResult(
    string Destination,
    string? Channel,
    string? Ts,
    IReadOnlyDictionary<string, string> FileIds,
    int Attempts,
    IReadOnlyList<string> Notes);
