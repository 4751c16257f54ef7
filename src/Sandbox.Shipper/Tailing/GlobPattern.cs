using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Shipper.Tailing;

/// <summary>
/// A path glob relative to the tailed folder: <c>*</c> and <c>?</c> stay inside one folder name,
/// <c>**/</c> spans any number of folders (including none). Matching is on '/'-separated paths.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    public GlobPattern(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new ArgumentException("a glob pattern is empty", nameof(pattern));
        if (Path.IsPathRooted(pattern) || pattern.Split('/').Contains(".."))
            throw new ArgumentException($"glob '{pattern}' must be relative to the tailed folder and stay inside it", nameof(pattern));
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool Matches(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                regex.Append(slash ? "(?:[^/]+/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
        }
        return regex.Append('$').ToString();
    }

    public override string ToString() => Pattern;
}
