using System.Globalization;
using System.Net;
using System.Text;

namespace Sandbox.Load.Reporting;

/// <summary>A small line chart as inline SVG (no script, no library): x in seconds since the start, one line per series.</summary>
public static class SvgChart
{
    private const int Width = 720, Height = 220, Left = 64, Right = 150, Top = 28, Bottom = 30;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"];

    public static string Lines(string title, string unit, IReadOnlyList<(string Name, IReadOnlyList<(double X, double Y)> Points)> series)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" class=\"chart\">");
        svg.Append($"<text x=\"{Left}\" y=\"16\" font-weight=\"bold\">{Html(title)} ({Html(unit)})</text>");
        if (all.Count == 0) return svg.Append($"<text x=\"{Left}\" y=\"{Height / 2}\">no data</text></svg>").ToString();
        var (maxX, maxY) = (Math.Max(1e-9, all.Max(p => p.X)), Math.Max(1e-9, all.Max(p => p.Y)));
        double X(double x) => Left + x / maxX * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / maxY * (Height - Top - Bottom);
        svg.Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#999\"/>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Top + 4}\" text-anchor=\"end\">{Number(maxY)}</text><text x=\"{Left - 4}\" y=\"{Height - Bottom}\" text-anchor=\"end\">0</text>");
        svg.Append($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" text-anchor=\"end\">{TimeSpan.FromSeconds(maxX):hh\\:mm\\:ss}</text>");
        for (var i = 0; i < series.Count; i++)
        {
            var color = Colors[i % Colors.Length];
            var path = string.Join(" ", series[i].Points.Select(p => $"{X(p.X).ToString("0.#", CultureInfo.InvariantCulture)},{Y(p.Y).ToString("0.#", CultureInfo.InvariantCulture)}"));
            svg.Append($"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{path}\"/>");
            svg.Append($"<text x=\"{Width - Right + 8}\" y=\"{Top + 14 * i + 4}\" fill=\"{color}\">{Html(series[i].Name)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Number(double value) => value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
