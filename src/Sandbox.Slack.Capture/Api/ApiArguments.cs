using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Sandbox.Slack.Capture.Api;

/// <summary>
/// A Web API call's arguments as Slack takes them: query string, form fields, or a JSON body; the token
/// from "Authorization: Bearer" or the token argument.
/// </summary>
public sealed class ApiArguments
{
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private JsonElement _json;

    public string? Token { get; private set; }

    public static async Task<ApiArguments> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var arguments = new ApiArguments();
        foreach (var (key, value) in request.Query) arguments._text[key] = value.ToString();
        if (request.HasFormContentType)
            foreach (var (key, value) in await request.ReadFormAsync(ct)) arguments._text[key] = value.ToString();
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                arguments._json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SlackApiException("invalid_json");
            }
            if (arguments._json.ValueKind != JsonValueKind.Object) throw new SlackApiException("invalid_json");
        }
        var header = request.Headers.Authorization.ToString();
        arguments.Token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : arguments.String("token");
        return arguments;
    }

    public string? String(string name) =>
        _json.ValueKind == JsonValueKind.Object && _json.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : _text.GetValueOrDefault(name) is { Length: > 0 } text ? text : null;

    /// <summary>A JSON-valued argument (blocks, files): an array in a JSON body, a JSON string in a form.</summary>
    public JsonElement? Json(string name)
    {
        if (_json.ValueKind == JsonValueKind.Object && _json.TryGetProperty(name, out var value))
            return value.ValueKind == JsonValueKind.String ? Parse(value.GetString()!) : value;
        return _text.GetValueOrDefault(name) is { Length: > 0 } text ? Parse(text) : null;
    }

    private static JsonElement Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new SlackApiException("invalid_arguments");
        }
    }

    /// <summary>Slack's own tokens start xoxb-/xoxp-/xoxe-; the capture takes any such token (it checks no secret).</summary>
    public void RequireToken()
    {
        if (Token is null) throw new SlackApiException("not_authed");
        if (!Token.StartsWith("xox", StringComparison.Ordinal)) throw new SlackApiException("invalid_auth");
    }
}
