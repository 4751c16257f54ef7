using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>
/// files.completeUploadExternal: finishes uploaded files (files=[{"id","title"}]); with channel_id they are
/// also shared there as a message (initial_comment as its text), otherwise they stay private until a message
/// refers to them.
/// </summary>
public static class FilesCompleteUploadExternal
{
    public const string Name = "files.completeUploadExternal";

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        if (arguments.Json("files") is not { ValueKind: JsonValueKind.Array } files || files.GetArrayLength() == 0)
            throw new SlackApiException("invalid_arguments", "files must be a JSON array of {\"id\", \"title\"}");
        var wanted = files.EnumerateArray().Select(f => (
            Id: f.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "",
            Title: f.TryGetProperty("title", out var title) ? title.GetString() : null)).ToList();
        // Check all before changing any: a call that fails completes nothing.
        foreach (var (id, _) in wanted)
            if (context.Store.File(id) is not { Uploaded: true }) throw new SlackApiException("file_not_found", $"file '{id}' was not uploaded");
        var channel = arguments.String("channel_id") is { } target ? Channels.Require(target) : null;
        var completed = wanted.Select(w => context.Store.Complete(w.Id, w.Title)).ToList();
        if (channel is not null)
            context.Store.Post(channel, Name, arguments.String("initial_comment") ?? "", null, completed.Select(f => f.Id).ToList());
        return new JsonObject { ["files"] = new JsonArray(completed.Select(f => (JsonNode)MessageJson.File(f, context)).ToArray()) };
    }
}
