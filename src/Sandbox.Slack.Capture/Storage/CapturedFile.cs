namespace Sandbox.Slack.Capture.Storage;

/// <summary>
/// An uploaded file through its three steps: reserved by files.getUploadURLExternal (name, declared
/// length), its bytes stored by the upload, completed by files.completeUploadExternal (title).
/// </summary>
public sealed record CapturedFile(string Id, string Name, long Length, bool Uploaded, bool Completed, string? Title, string? MimeType);
