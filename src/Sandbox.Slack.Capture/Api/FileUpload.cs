using Microsoft.AspNetCore.Http;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>
/// The upload URL files.getUploadURLExternal hands out: POST the file's bytes, raw or as a multipart form's file.
/// Answers 200 "OK - &lt;length&gt;" as Slack does; an unknown id is 404, a length other than the declared one 400.
/// </summary>
public static class FileUpload
{
    public const string PathPrefix = "/upload/v1/";

    public static async Task HandleAsync(HttpContext http, CaptureStore store, string id)
    {
        if (store.File(id) is null)
        {
            await Reply(http, StatusCodes.Status404NotFound, $"file_not_found: no upload was reserved for '{id}'");
            return;
        }
        byte[] bytes;
        string? mimeType;
        if (http.Request.HasFormContentType && (await http.Request.ReadFormAsync()).Files.FirstOrDefault() is { } part)
        {
            using var buffer = new MemoryStream();
            await part.CopyToAsync(buffer);
            (bytes, mimeType) = (buffer.ToArray(), part.ContentType);
        }
        else
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            (bytes, mimeType) = (buffer.ToArray(), http.Request.ContentType is "application/octet-stream" ? null : http.Request.ContentType);
        }
        try
        {
            store.StoreBytes(id, bytes, mimeType);
        }
        catch (ArgumentException e)
        {
            await Reply(http, StatusCodes.Status400BadRequest, $"invalid_length: {e.Message}");
            return;
        }
        await Reply(http, StatusCodes.Status200OK, $"OK - {bytes.Length}");
    }

    private static Task Reply(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(text);
    }
}
