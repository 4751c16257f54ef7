using System.Text.Json.Nodes;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>What an operation sees: the store and the capture's own address as the caller reached it.</summary>
public sealed record OperationContext(CaptureStore Store, Uri BaseUrl);

/// <summary>One Web API method: checked arguments in, the fields of an ok answer out (or a <see cref="SlackApiException"/>).</summary>
public delegate JsonObject WebApiOperation(ApiArguments arguments, OperationContext context);

/// <summary>The Web API methods the capture answers, by name (POST or GET /api/{name}).</summary>
public static class WebApiOperations
{
    public static readonly IReadOnlyDictionary<string, WebApiOperation> ByName = new Dictionary<string, WebApiOperation>(StringComparer.Ordinal)
    {
        [ChatPostMessage.Name] = ChatPostMessage.Execute,
        [FilesGetUploadUrlExternal.Name] = FilesGetUploadUrlExternal.Execute,
        [FilesCompleteUploadExternal.Name] = FilesCompleteUploadExternal.Execute,
        [ConversationsHistory.Name] = ConversationsHistory.Execute,
        [ConversationsList.Name] = ConversationsList.Execute,
        [AuthTest.Name] = AuthTest.Execute,
    };
}
