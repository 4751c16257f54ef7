using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Console.Slack;

/// <summary>
/// Slack mrkdwn as HTML, the way Slack shows it: &lt;url|label&gt; links, *bold*, _italic_, ~strike~, `code`,
/// line breaks; Slack's own escapes (&amp;amp; &amp;lt; &amp;gt;) read back; everything else HTML-encoded.
/// </summary>
public static partial class MrkdwnHtml
{
    public static string Render(string mrkdwn)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match link in Link().Matches(mrkdwn))
        {
            html.Append(Inline(mrkdwn[at..link.Index]));
            var url = Unescape(link.Groups["url"].Value);
            var label = link.Groups["label"].Success ? link.Groups["label"].Value : link.Groups["url"].Value;
            html.Append(url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)
                ? $"<a href=\"{WebUtility.HtmlEncode(url)}\">{Inline(label)}</a>"
                : Inline(label));
            at = link.Index + link.Length;
        }
        html.Append(Inline(mrkdwn[at..]));
        return html.ToString();
    }

    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(Unescape(text));
        encoded = Code().Replace(encoded, "<code>$1</code>");
        encoded = Bold().Replace(encoded, "$1<b>$2</b>");
        encoded = Italic().Replace(encoded, "$1<i>$2</i>");
        encoded = Strike().Replace(encoded, "$1<s>$2</s>");
        return encoded.Replace("\n", "<br>");
    }

    private static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    [GeneratedRegex(@"<(?<url>[^|>\s]+)(\|(?<label>[^>]*))?>")]
    private static partial Regex Link();

    [GeneratedRegex("`([^`\n]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"(^|[\s(])\*([^*\n]+)\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(^|[\s(])_([^_\n]+)_")]
    private static partial Regex Italic();

    [GeneratedRegex(@"(^|[\s(])~([^~\n]+)~")]
    private static partial Regex Strike();
}
