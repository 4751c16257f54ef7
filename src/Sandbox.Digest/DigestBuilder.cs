using Sandbox.Analytics;
using Sandbox.Analytics.Definitions;
using Sandbox.Analytics.Reporting;
using Sandbox.Digest.Data;
using Sandbox.Digest.Rendering;
using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Digest;

/// <summary>The digest of one day, ready to post: the figures, the message and its chart.</summary>
public sealed record DigestContent(DigestData Data, SlackMessage Message, IReadOnlyList<SlackImage> Images);

/// <summary>
/// Builds the daily KPI digest (the `sandbox digest` command and the console's scheduler call this):
/// the queries, then the Block Kit message and the PNG chart.
/// </summary>
public static class DigestBuilder
{
    /// <summary>The funnels the generator simulates, as the report shows them.</summary>
    public static IReadOnlyList<FunnelDefinition> DefaultFunnels(DateOnly day) =>
        KpiReportBuilder.GeneratorFunnels(Generator.Config.FunnelDefinition.Defaults, DigestQueries.Days(day));

    /// <returns>null when the day has no events (nothing should be posted).</returns>
    public static async Task<DigestContent?> BuildAsync(AnalyticsQueries queries, DateOnly day, DigestLinks links, CancellationToken ct,
        IReadOnlyList<FunnelDefinition>? funnels = null)
    {
        var data = await DigestQueries.RunAsync(queries, day, funnels ?? DefaultFunnels(day), ct);
        return data is null ? null : Render(data, links);
    }

    public static DigestContent Render(DigestData data, DigestLinks links) =>
        new(data, DigestMessage.Render(data, links), [new SlackImage(DigestMessage.ChartName, "Active users", DigestChart.ActiveUsers(data.Trend))]);
}
