using System.Text;
using Sandbox.Analytics.Results;
using Sandbox.Digest.Data;
using Sandbox.Slack.Blocks;
using static Sandbox.Digest.Rendering.Mrkdwn;

namespace Sandbox.Digest.Rendering;

/// <summary>The digest as a Block Kit message within Slack's limits, with a plain-text fallback.</summary>
public static class DigestMessage
{
    public const string ChartName = "active-users.png";

    /// <summary>Funnel sections kept when there are very many funnels, so the message stays under 50 blocks.</summary>
    private const int MaxFunnelSections = 20;

    public static SlackMessage Render(DigestData data, DigestLinks links)
    {
        var blocks = new List<SlackBlock>
        {
            new HeaderBlock(Fit($"KPI digest · {data.Day:yyyy-MM-dd} ({data.Day.DayOfWeek.ToString()[..3]})", SlackLimits.MaxHeaderText)),
            new SectionBlock(null,
            [
                CountField("DAU", data.Dau),
                CountField("WAU", data.Wau),
                CountField("MAU", data.Mau),
                $"*Day-1 retention*\n{Percent(data.DayOneRetention.Today)} of {Count(data.RetentionCohortSize)} installs\n" +
                $"{PointChange(data.DayOneRetention.Today, data.DayOneRetention.DayBefore)} d/d · {PointChange(data.DayOneRetention.Today, data.DayOneRetention.WeekBefore)} w/w",
            ]),
            new DividerBlock(),
        };
        blocks.AddRange(FunnelSections(data.Funnels));
        blocks.AddRange(ReleaseSections(data, links));
        blocks.Add(new SectionBlock(null, [TopList("Top searches", data.TopSearches, v => $"`{Escape(v)}`"), TopList("Top products from search", data.TopProducts, v => Escape(data.Products.Label(v)))]));
        blocks.Add(new ImageBlock($"DAU, WAU and MAU for the 8 days to {data.Day:yyyy-MM-dd}", "Active users", new ImageSource.Attachment(ChartName)));
        blocks.Add(new ContextBlock(Context(data, links)));
        return new SlackMessage(Fallback(data), blocks);
    }

    /// <summary>At most this many releases in one digest (a week rarely has more than one or two).</summary>
    private const int MaxReleases = 3;

    private static IEnumerable<SlackBlock> ReleaseSections(DigestData data, DigestLinks links)
    {
        foreach (var release in data.Releases.Take(MaxReleases))
        {
            yield return new HeaderBlock(Fit(release.Header, SlackLimits.MaxHeaderText));
            yield return new SectionBlock(Fit(release.Section, SlackLimits.MaxSectionText));
            yield return new ContextBlock(links.Release(release.Version) is { } page
                ? [release.Context, Link(page, $"{release.Version} in the console")]
                : [release.Context]);
        }
        if (data.Releases.Count > 0) yield return new DividerBlock();
    }

    private static string CountField(string name, Compared figure) =>
        $"*{name}*\n{Count(figure.Today)}\n{RelativeChange(figure.Today, figure.DayBefore)} d/d · {RelativeChange(figure.Today, figure.WeekBefore)} w/w";

    private static IEnumerable<SlackBlock> FunnelSections(IReadOnlyList<FunnelFigure> funnels)
    {
        if (funnels.Count == 0) yield break;
        var lines = funnels.Select(f => Fit(
            $"*{Escape(f.Name)}* ({Escape(f.Steps[0])} → {Escape(f.Steps[^1])}): {Percent(f.Conversion.Today)} " +
            $"({Count(f.Started)} → {Count(f.Completed)}) · {PointChange(f.Conversion.Today, f.Conversion.DayBefore)} d/d · " +
            $"{PointChange(f.Conversion.Today, f.Conversion.WeekBefore)} w/w", SlackLimits.MaxSectionText - 20));
        var sections = Chunk(lines.Prepend("*Funnels* (users who started that day, conversion to the last step)"), SlackLimits.MaxSectionText).ToList();
        foreach (var section in sections.Take(MaxFunnelSections)) yield return new SectionBlock(section);
        if (sections.Count > MaxFunnelSections) yield return new ContextBlock([$"{sections.Count - MaxFunnelSections} more funnel section(s) left out: see the console"]);
    }

    /// <summary>Lines joined into texts of at most <paramref name="max"/> characters.</summary>
    private static IEnumerable<string> Chunk(IEnumerable<string> lines, int max)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (text.Length > 0 && text.Length + 1 + line.Length > max)
            {
                yield return text.ToString();
                text.Clear();
            }
            if (text.Length > 0) text.Append('\n');
            text.Append(line);
        }
        if (text.Length > 0) yield return text.ToString();
    }

    private static string TopList(string title, IReadOnlyList<TopValue> values, Func<string, string> label)
    {
        var lines = values.Count == 0 ? ["none"] : values.Select((v, i) => $"{i + 1}. {label(v.Value)} — {Count(v.Count)}");
        return Fit($"*{title}*\n{string.Join('\n', lines)}", SlackLimits.MaxFieldText);
    }

    private static List<string> Context(DigestData data, DigestLinks links)
    {
        var context = new List<string> { $"{Count(data.Events)} events in the {data.Source} (UTC day); changes against the day before (d/d) and the same weekday a week before (w/w)" };
        if (links.Console is { } console) context.Add($"{Link(console, "Sandbox Console")} · {Link(links.Dashboards!, "dashboards")} · {Link(links.Queries!, "queries")}");
        if (data.Products.Note is { } note) context.Add(Escape(note));
        return context;
    }

    // Numbers are formatted by Mrkdwn (invariant culture); the fallback carries no markup.
    private static string Fallback(DigestData data) =>
        $"KPI digest {data.Day:yyyy-MM-dd}: DAU {Count(data.Dau.Today)} ({RelativeChange(data.Dau.Today, data.Dau.DayBefore)} d/d), " +
        $"WAU {Count(data.Wau.Today)}, MAU {Count(data.Mau.Today)}, day-1 retention {Percent(data.DayOneRetention.Today)}; " +
        string.Join(", ", data.Funnels.Select(f => $"{f.Name} {Percent(f.Conversion.Today)}")) +
        string.Concat(data.Releases.Take(MaxReleases).Select(r => $"; {r.Fallback}"));
}
