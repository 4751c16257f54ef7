using System.Globalization;
using System.Net;
using System.Text;
using Sandbox.Slack.Blocks;

namespace Sandbox.Console.Slack;

/// <summary>The captured channel as Slack lays it out: header, section text and two-column fields, context, images.</summary>
public static class ChannelPage
{
    public static string Render(string channel, IReadOnlyList<string> channels, IReadOnlyList<ChannelMessage> messages, string? notice)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>#{E(channel)} · Slack capture · Sandbox Console</title>
            <link rel="stylesheet" href="/console.css"><link rel="stylesheet" href="/slack.css"></head>
            <body>
            {Hosting.PageHeader.Html}
            <main class="slack">
            <nav id="channels" aria-label="Channels">
            """);
        foreach (var name in channels)
            html.Append($"""<a href="/slack?channel={Uri.EscapeDataString(name)}"{(name == channel ? " class=\"current\"" : "")}>#{E(name)}</a>""");
        html.Append($"""</nav><section id="channel" data-channel="{E(channel)}"><h1>#{E(channel)}</h1>""");
        if (notice is not null) html.Append($"""<p class="notice">{E(notice)}</p>""");
        // Slack shows the oldest at the top, the newest last.
        foreach (var message in messages.Reverse()) Message(html, message);
        html.Append("</section></main></body></html>");
        return html.ToString();
    }

    private static void Message(StringBuilder html, ChannelMessage message)
    {
        html.Append($"""<article class="message" data-ts="{E(message.Ts)}"><div class="meta"><b>sandbox-bot</b> <time>{E(Time(message.Ts))}</time></div>""");
        if (message.Problem is { } problem) html.Append($"""<p class="notice">blocks not shown: {E(problem)}</p>""");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        if (message.Blocks.Count == 0 || message.Problem is not null) html.Append($"""<div class="block-section"><p>{MrkdwnHtml.Render(message.Text)}</p></div>""");
        foreach (var block in message.Blocks) Block(html, block, message.Files, shown);
        // Files shared without a block naming them show below the message, as in Slack.
        foreach (var file in message.Files.Where(f => !shown.Contains(f.Id))) Image(html, file.Title, file.Title, FileUrl(file.Id));
        html.Append("</article>");
    }

    private static void Block(StringBuilder html, SlackBlock block, IReadOnlyList<ChannelFile> files, HashSet<string> shown)
    {
        switch (block)
        {
            case HeaderBlock h:
                html.Append($"""<h2 class="block-header">{E(h.Text)}</h2>""");
                break;
            case SectionBlock s:
                html.Append("""<div class="block-section">""");
                if (s.Text is { } text) html.Append($"<p>{MrkdwnHtml.Render(text)}</p>");
                if (s.Fields is { Count: > 0 } fields)
                    html.Append("""<div class="fields">""" + string.Concat(fields.Select(f => $"""<div class="field">{MrkdwnHtml.Render(f)}</div>""")) + "</div>");
                html.Append("</div>");
                break;
            case ContextBlock c:
                html.Append("""<div class="block-context">""" + string.Join(" ", c.Elements.Select(e => $"<span>{MrkdwnHtml.Render(e)}</span>")) + "</div>");
                break;
            case DividerBlock:
                html.Append("""<hr class="block-divider">""");
                break;
            case ImageBlock { Source: ImageSource.SlackFile file } image:
                shown.Add(file.Id);
                Image(html, image.Title, image.AltText, FileUrl(file.Id));
                break;
            case ImageBlock { Source: ImageSource.Url url } image:
                Image(html, image.Title, image.AltText, url.Address);
                break;
            case OtherBlock other:
                html.Append($"""<div class="block-other">({E(other.TypeName)} block)</div>""");
                break;
        }
    }

    private static void Image(StringBuilder html, string? title, string alt, string src) =>
        html.Append($"""<figure class="block-image">{(title is null ? "" : $"<figcaption>{E(title)}</figcaption>")}<img src="{E(src)}" alt="{E(alt)}"></figure>""");

    private static string FileUrl(string id) => $"/slack/files/{Uri.EscapeDataString(id)}";

    private static string Time(string ts) =>
        double.TryParse(ts, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)
            : ts;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
