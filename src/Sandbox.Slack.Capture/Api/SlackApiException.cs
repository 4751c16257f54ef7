namespace Sandbox.Slack.Capture.Api;

/// <summary>A Web API error as Slack answers it: HTTP 200 with {"ok": false, "error": Code}.</summary>
public sealed class SlackApiException(string code, string? detail = null) : Exception(detail ?? code)
{
    public string Code { get; } = code;
    public string? Detail { get; } = detail;
}
