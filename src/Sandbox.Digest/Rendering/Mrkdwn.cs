using System.Globalization;

namespace Sandbox.Digest.Rendering;

/// <summary>Slack mrkdwn pieces: escaping, links, numbers and changes as the digest writes them.</summary>
public static class Mrkdwn
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Slack reads &amp;, &lt; and &gt; as control characters (links, mentions): user text must escape them.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Link(Uri url, string label) => $"<{url}|{Escape(label)}>";

    public static string Count(double? value) => value is { } v ? v.ToString("N0", Invariant) : "n/a";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", Invariant) + "%" : "n/a";

    /// <summary>A count's relative change, "▲ 3.2%"; n/a without a base to compare with.</summary>
    public static string RelativeChange(double? today, double? before) =>
        today is { } t && before is { } b && b != 0 ? Arrow(t - b) + Math.Abs((t - b) / b * 100).ToString("0.0", Invariant) + "%" : "n/a";

    /// <summary>A rate's change in percentage points, "▼ 1.2 pt".</summary>
    public static string PointChange(double? today, double? before) =>
        today is { } t && before is { } b ? Arrow(t - b) + Math.Abs((t - b) * 100).ToString("0.0", Invariant) + " pt" : "n/a";

    private static string Arrow(double delta) => delta > 0 ? "▲ " : delta < 0 ? "▼ " : "± ";

    /// <summary>Cuts text to <paramref name="max"/> characters, saying so with an ellipsis.</summary>
    public static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
