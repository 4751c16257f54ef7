using System.Text.Json;

namespace Sandbox.Slack.Capture.Storage;

/// <summary>One message as it arrived: the blocks exactly as sent (raw JSON), the files it shares.</summary>
/// <param name="Source">incoming-webhook, chat.postMessage or files.completeUploadExternal.</param>
public sealed record CapturedMessage(
    string Channel,
    string Ts,
    string Source,
    string Text,
    JsonElement? Blocks,
    IReadOnlyList<string> FileIds,
    DateTimeOffset Received);
