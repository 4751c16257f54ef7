using Io.Cucumber.Messages.Types;

namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>
/// @ignore skips a case. The reason is the comment written right above the tag line, e.g.
/// <c># waiting for the lake writer (issue 9)</c>, so a skip always says why.
/// </summary>
internal static class IgnoreReasons
{
    public const string Tag = "ignore";

    public static string? Find(FeatureDocument feature, IEnumerable<Tag> tags)
    {
        var ignoreTag = tags.FirstOrDefault(t => string.Equals(t.Name.TrimStart('@'), Tag, StringComparison.OrdinalIgnoreCase));
        if (ignoreTag is null)
            return null;

        var comments = feature.Document.Comments.ToDictionary(c => c.Location.Line, c => c.Text.Trim().TrimStart('#').Trim());
        var lines = new List<string>();
        for (var line = ignoreTag.Location.Line - 1; comments.TryGetValue(line, out var text); line--)
            lines.Insert(0, text);

        var where = $"{feature.RelativePath}:{ignoreTag.Location.Line}";
        return lines.Count > 0
            ? $"{string.Join(" ", lines)} (@ignore at {where})"
            : $"tagged @ignore at {where} (no reason given: write it as a '# comment' on the line above the tag)";
    }
}
