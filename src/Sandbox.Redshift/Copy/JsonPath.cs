using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sandbox.Redshift.Copy;

/// <summary>One expression of a JSONPaths file: $ followed by .name, ['name'] or [index] steps (Redshift's subset).</summary>
internal sealed partial class JsonPath
{
    private readonly List<object> _steps; // string: member, int: array index

    private JsonPath(List<object> steps) => _steps = steps;

    public static JsonPath Parse(string expression)
    {
        if (!expression.StartsWith('$')) throw new FormatException($"JSONPath '{expression}' does not start with $");
        var steps = new List<object>();
        var at = 1;
        while (at < expression.Length)
        {
            var match = Step().Match(expression, at);
            if (!match.Success || match.Index != at) throw new FormatException($"JSONPath '{expression}' is not valid at position {at + 1}");
            if (match.Groups["dot"].Success) steps.Add(match.Groups["dot"].Value);
            else if (match.Groups["quoted"].Success) steps.Add(match.Groups["quoted"].Value);
            else steps.Add(int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture));
            at += match.Length;
        }
        return new JsonPath(steps);
    }

    /// <summary>Reads a JSONPaths file: {"jsonpaths": ["$.a", ...]}.</summary>
    public static List<JsonPath> ParseFile(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("jsonpaths", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new FormatException("a JSONPaths file is an object with a \"jsonpaths\" array");
        return list.EnumerateArray().Select(e => Parse(e.GetString() ?? throw new FormatException("a JSONPath is not a string"))).ToList();
    }

    public string? Evaluate(JsonElement root)
    {
        var current = root;
        foreach (var step in _steps)
        {
            if (step is string name)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
            }
            else
            {
                var index = (int)step;
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength()) return null;
                current = current[index];
            }
        }
        return JsonValue.Of(current);
    }

    [GeneratedRegex(@"\.(?<dot>[A-Za-z_][A-Za-z0-9_]*)|\[\s*'(?<quoted>[^']*)'\s*\]|\[\s*""(?<quoted>[^""]*)""\s*\]|\[\s*(?<index>\d+)\s*\]")]
    private static partial Regex Step();
}
