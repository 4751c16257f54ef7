namespace Sandbox.Slack.Delivery;

/// <param name="MaxAttempts">Tries per call, the first included.</param>
/// <param name="FirstDelay">Wait before the second try, doubled each time, when Slack names no Retry-After.</param>
/// <param name="MaxRetryAfter">The longest Retry-After honoured; a longer one fails the post at once, saying so.</param>
public sealed record SlackRetryOptions(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxRetryAfter)
{
    public static SlackRetryOptions Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
}
