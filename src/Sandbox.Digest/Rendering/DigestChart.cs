using ScottPlot;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Results;

namespace Sandbox.Digest.Rendering;

/// <summary>The digest's chart: the report's DAU/WAU/MAU chart over the days read, as PNG bytes.</summary>
public static class DigestChart
{
    public const int Width = 800;
    public const int Height = 400;

    public static byte[] ActiveUsers(IReadOnlyList<ActiveUsersRow> trend) =>
        ReportCharts.ActiveUsers(trend).GetImageBytes(Width, Height, ImageFormat.Png);
}
