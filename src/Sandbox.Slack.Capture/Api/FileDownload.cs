using Microsoft.AspNetCore.Http;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>A file's url_private, GET /files/{id}/{name}: the bytes, for a caller with a token (as in Slack).</summary>
public static class FileDownload
{
    public static async Task HandleAsync(HttpContext http, CaptureStore store, string id)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer xox", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsync("not_authed: send Authorization: Bearer <token>");
            return;
        }
        if (store.File(id) is not { Uploaded: true } file)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync($"file_not_found: '{id}'");
            return;
        }
        http.Response.ContentType = file.MimeType ?? "application/octet-stream";
        await http.Response.SendFileAsync(store.BytesPath(id));
    }
}
