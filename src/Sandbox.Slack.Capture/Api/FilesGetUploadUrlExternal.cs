using System.Globalization;
using System.Text.Json.Nodes;

namespace Sandbox.Slack.Capture.Api;

/// <summary>files.getUploadURLExternal: reserves a file id for filename + length and hands out the URL to POST its bytes to.</summary>
public static class FilesGetUploadUrlExternal
{
    public const string Name = "files.getUploadURLExternal";

    /// <summary>Slack's limit for one file (1 GB).</summary>
    public const long MaxLength = 1L << 30;

    public static JsonObject Execute(ApiArguments arguments, OperationContext context)
    {
        arguments.RequireToken();
        var filename = arguments.String("filename") ?? throw new SlackApiException("invalid_arguments", "filename is required");
        var lengthText = arguments.String("length") ?? throw new SlackApiException("invalid_arguments", "length is required");
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0 || length > MaxLength)
            throw new SlackApiException("invalid_arguments", $"length '{lengthText}' is not a size in bytes (1 to {MaxLength})");
        var file = context.Store.Reserve(filename, length);
        return new JsonObject
        {
            ["upload_url"] = new Uri(context.BaseUrl, $"{FileUpload.PathPrefix}{file.Id}").ToString(),
            ["file_id"] = file.Id,
        };
    }
}
