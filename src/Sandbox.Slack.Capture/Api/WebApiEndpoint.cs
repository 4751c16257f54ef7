using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sandbox.Slack.Capture.Storage;

namespace Sandbox.Slack.Capture.Api;

/// <summary>/api/{method}: runs the method and answers Slack's envelope, {"ok": true, ...} or {"ok": false, "error": ...}.</summary>
public static class WebApiEndpoint
{
    public static async Task HandleAsync(HttpContext http, CaptureStore store, string method)
    {
        JsonObject answer;
        if (!WebApiOperations.ByName.TryGetValue(method, out var operation))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            answer = Error("unknown_method", $"the capture does not implement {method}");
        }
        else
        {
            try
            {
                var arguments = await ApiArguments.ReadAsync(http.Request, http.RequestAborted);
                var context = new OperationContext(store, new Uri($"{http.Request.Scheme}://{http.Request.Host}/"));
                answer = new JsonObject { ["ok"] = true };
                foreach (var (key, value) in operation(arguments, context)) answer[key] = value?.DeepClone();
            }
            catch (SlackApiException e)
            {
                answer = Error(e.Code, e.Detail);
            }
        }
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    // Slack puts human-readable detail (e.g. which block is invalid) under response_metadata.messages.
    private static JsonObject Error(string code, string? detail)
    {
        var error = new JsonObject { ["ok"] = false, ["error"] = code };
        if (detail is not null) error["response_metadata"] = new JsonObject { ["messages"] = new JsonArray(JsonValue.Create(detail)) };
        return error;
    }
}
