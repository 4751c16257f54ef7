using System.Globalization;
using System.Text;

namespace Sandbox.Warehouse.Maintenance;

/// <summary>The plain-text table `sandbox warehouse maintain` prints (readable in CI logs).</summary>
public static class MaintenanceReport
{
    private static readonly string[] Headers = ["table", "size", "live rows", "dead rows", "dead %", "last vacuum (UTC)", "last analyze (UTC)"];

    public static string Render(IReadOnlyList<TableHealth> tables)
    {
        var rows = tables.Select(t => new[]
        {
            t.Table, Size(t.TotalBytes), t.LiveRows.ToString("N0", CultureInfo.InvariantCulture), t.DeadRows.ToString("N0", CultureInfo.InvariantCulture),
            t.LiveRows + t.DeadRows == 0 ? "0.0" : (100.0 * t.DeadRows / (t.LiveRows + t.DeadRows)).ToString("F1", CultureInfo.InvariantCulture),
            When(t.LastVacuum), When(t.LastAnalyze),
        }).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendJoin("  ", row.Select((cell, c) => c == 0 || c >= 5 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).Append('\n');
        return text.ToString();
    }

    private static string When(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "never";

    private static string Size(long bytes) => bytes switch
    {
        < 1 << 10 => $"{bytes} B",
        < 1 << 20 => $"{bytes / 1024.0:F1} kB",
        < 1 << 30 => $"{bytes / 1048576.0:F1} MB",
        _ => $"{bytes / 1073741824.0:F2} GB",
    };
}
