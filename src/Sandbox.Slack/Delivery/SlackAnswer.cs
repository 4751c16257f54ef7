using System.Net;
using System.Text.Json;

namespace Sandbox.Slack.Delivery;

/// <summary>How a call's answer says whether it worked.</summary>
internal enum AnswerKind
{
    /// <summary>Web API: HTTP 200 with {"ok": true|false, "error": ...}.</summary>
    WebApi,
    /// <summary>Incoming webhook: 200 "ok", else an error word as plain text (no_service, invalid_payload...).</summary>
    Webhook,
    /// <summary>The upload URL: any 2xx.</summary>
    Upload,
}

/// <summary>One HTTP answer from Slack, read once.</summary>
internal sealed record SlackAnswer(HttpStatusCode Status, bool Ok, string? Error, TimeSpan? RetryAfter, JsonElement Json)
{
    /// <summary>Slack's own words for "try again later".</summary>
    private static readonly HashSet<string> TransientErrors = ["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"];

    public bool Retryable => !Ok && (Status == HttpStatusCode.TooManyRequests || (int)Status >= 500 || Error is { } e && TransientErrors.Contains(e));

    public static async Task<SlackAnswer> ReadAsync(HttpResponseMessage response, AnswerKind kind, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var status = response.StatusCode;
        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => (TimeSpan?)null,
        };
        var json = kind == AnswerKind.WebApi ? TryParse(body) : default;
        var ok = kind switch
        {
            AnswerKind.WebApi => status == HttpStatusCode.OK && json.ValueKind == JsonValueKind.Object
                                 && json.TryGetProperty("ok", out var flag) && flag.ValueKind == JsonValueKind.True,
            _ => response.IsSuccessStatusCode,
        };
        return new SlackAnswer(status, ok, ok ? null : ErrorOf(kind, status, body, json), retryAfter, json);
    }

    private static string? ErrorOf(AnswerKind kind, HttpStatusCode status, string body, JsonElement json)
    {
        if (kind == AnswerKind.WebApi && json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var error))
            return error.GetString();
        if (status == HttpStatusCode.TooManyRequests && body.Trim().Length == 0) return "rate_limited";
        // Webhooks answer a bare word; anything else (an HTML error page) is cut to a readable length.
        var text = body.Trim();
        return text.Length == 0 ? null : text.Length <= 120 ? text : text[..120] + "…";
    }

    private static JsonElement TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public string String(string property) =>
        Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty(property, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"Slack's answer has no '{property}'");
}
