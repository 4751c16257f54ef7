using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Slack.Blocks;

namespace Sandbox.Slack.Delivery;

/// <summary>
/// Posts a <see cref="SlackMessage"/> and its images to one <see cref="SlackDestination"/>. Web API: each image
/// through files.getUploadURLExternal, the upload URL and files.completeUploadExternal, then chat.postMessage
/// with image blocks naming the files. Webhook: the blocks only (webhooks cannot upload), the result says so.
/// </summary>
public sealed class SlackPoster(HttpClient http, SlackDestination destination, SlackRetryOptions? retry = null, Action<string>? log = null)
{
    public SlackDestination Destination => destination;

    public async Task<SlackPostResult> PostAsync(SlackMessage message, IReadOnlyList<SlackImage> images, CancellationToken ct)
    {
        CheckImages(message, images);
        var calls = new SlackCalls(http, retry ?? SlackRetryOptions.Default, log);
        return destination switch
        {
            SlackDestination.Webhook webhook => await PostWebhookAsync(calls, webhook, message, images, ct),
            SlackDestination.WebApi api => await PostWebApiAsync(calls, api, message, images, ct),
            _ => throw new InvalidOperationException($"unknown destination {destination}"),
        };
    }

    private async Task<SlackPostResult> PostWebhookAsync(SlackCalls calls, SlackDestination.Webhook webhook, SlackMessage message, IReadOnlyList<SlackImage> images, CancellationToken ct)
    {
        var body = Payload(message, _ => null);
        await calls.SendAsync("incoming webhook", () => new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = Json(body) }, AnswerKind.Webhook, ct);
        var notes = images.Count == 0 ? [] : new List<string>
        {
            $"{images.Count} image(s) not posted: an incoming webhook cannot upload files (set SLACK_BOT_TOKEN and SLACK_CHANNEL to include them)",
        };
        return new SlackPostResult(destination.Describe(), null, null, new Dictionary<string, string>(), calls.Attempts, notes);
    }

    private async Task<SlackPostResult> PostWebApiAsync(SlackCalls calls, SlackDestination.WebApi api, SlackMessage message, IReadOnlyList<SlackImage> images, CancellationToken ct)
    {
        var fileIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in images) fileIds[image.Name] = await UploadAsync(calls, api, image, ct);
        if (fileIds.Count > 0)
        {
            var files = new JsonArray(images.Select(i => (JsonNode)new JsonObject { ["id"] = fileIds[i.Name], ["title"] = i.Title }).ToArray());
            await calls.SendAsync("files.completeUploadExternal",
                () => Api(api, "files.completeUploadExternal", Form(("files", files.ToJsonString()))), AnswerKind.WebApi, ct);
        }
        var body = Payload(message, name => fileIds.GetValueOrDefault(name));
        body["channel"] = api.Channel;
        // Slack finishes an upload asynchronously: until it has, a block naming the file is invalid_blocks. Our blocks
        // passed the limits, so with files in them that answer means "not yet" and is retried like a 5xx.
        var answer = await calls.SendAsync("chat.postMessage", () => Api(api, "chat.postMessage", Json(body)), AnswerKind.WebApi, ct,
            alsoTransient: fileIds.Count > 0 ? "invalid_blocks" : null);
        return new SlackPostResult(destination.Describe(), Field(answer, "channel", "chat.postMessage"), Field(answer, "ts", "chat.postMessage"),
            fileIds, calls.Attempts, []);
    }

    private static async Task<string> UploadAsync(SlackCalls calls, SlackDestination.WebApi api, SlackImage image, CancellationToken ct)
    {
        var ticket = await calls.SendAsync("files.getUploadURLExternal",
            () => Api(api, "files.getUploadURLExternal", Form(("filename", image.Name), ("length", image.Png.Length.ToString()))), AnswerKind.WebApi, ct);
        var uploadUrl = new Uri(Field(ticket, "upload_url", "files.getUploadURLExternal"));
        var fileId = Field(ticket, "file_id", "files.getUploadURLExternal");
        // The upload URL is pre-authorized: the raw bytes, no token.
        await calls.SendAsync($"upload of {image.Name}", () => new HttpRequestMessage(HttpMethod.Post, uploadUrl)
        {
            Content = new ByteArrayContent(image.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        }, AnswerKind.Upload, ct);
        return fileId;
    }

    private static string Field(SlackAnswer answer, string name, string operation)
    {
        try
        {
            return answer.String(name);
        }
        catch (FormatException e)
        {
            throw new SlackDeliveryException(operation, answer.Status, null, 1, e.Message);
        }
    }

    private static JsonObject Payload(SlackMessage message, Func<string, string?> fileIdOf) => new()
    {
        ["text"] = message.Text,
        ["blocks"] = BlockKitJson.Write(message.Blocks, fileIdOf),
        ["unfurl_links"] = false,
    };

    private static HttpRequestMessage Api(SlackDestination.WebApi api, string method, HttpContent content) =>
        new(HttpMethod.Post, new Uri(api.ApiBase, method))
        {
            Content = content,
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", api.Token) },
        };

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    private static void CheckImages(SlackMessage message, IReadOnlyList<SlackImage> images)
    {
        var names = images.Select(i => i.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count) throw new ArgumentException("two images share a name", nameof(images));
        if (message.AttachmentNames.FirstOrDefault(n => !names.Contains(n)) is { } missing)
            throw new ArgumentException($"an image block refers to '{missing}', which is not among the images given", nameof(images));
        if (images.FirstOrDefault(i => i.Png.Length == 0) is { } empty)
            throw new ArgumentException($"image '{empty.Name}' is empty", nameof(images));
    }
}
