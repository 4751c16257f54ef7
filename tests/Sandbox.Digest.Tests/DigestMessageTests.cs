using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Results;
using Sandbox.Digest.Data;
using Sandbox.Digest.Rendering;
using Sandbox.ReleaseCheck.Reporting;
using Sandbox.Slack.Blocks;

namespace Sandbox.Digest.Tests;

public class DigestMessageTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static DigestData Data(int funnels = 2, string search = "リップ", int releases = 0) => new(
        Day, "warehouse", 12_345,
        Dau: new Compared(1100, 1000, 1200), Wau: new Compared(5000, 5000, null), Mau: new Compared(20_000, 19_000, 18_000),
        Trend: [new ActiveUsersRow(Day.AddDays(-1), 1000, 5000, 19_000), new ActiveUsersRow(Day, 1100, 5000, 20_000)],
        Funnels: Enumerable.Range(1, funnels).Select(i => new FunnelFigure($"funnel{i}", ["search", "view_product", "click_product_link"], 300, 45, new Compared(0.15, 0.12, 0.2))).ToList(),
        DayOneRetention: new Compared(0.4, 0.35, null), RetentionCohortSize: 250,
        TopSearches: [new TopValue(search, 40), new TopValue("<b>&", 3)],
        TopProducts: [new TopValue("pr000001", 12)],
        Products: new ProductNames(new Dictionary<string, (string, string?)> { ["pr000001"] = ("Moist Lip", "Kiss") }, null),
        Releases: Enumerable.Range(1, releases).Select(i => new ReleaseSummary(
            $"5.{i}.0", $"Release 5.{i}.0: worse on 1 metric", $"*5.{i}.0* against *5.{i - 1}.0*\n:red_circle: *search → view_product* " + new string('x', 4000),
            "Established users on each version", $"Release 5.{i}.0: worse on search → view_product")).ToList());

    [Fact]
    public void Shows_each_figure_with_its_day_and_week_change()
    {
        var message = DigestMessage.Render(Data(), new DigestLinks(new Uri("http://127.0.0.1:8088")));

        Assert.Equal(new HeaderBlock("KPI digest · 2026-12-01 (Tue)"), message.Blocks[0]);
        var fields = ((SectionBlock)message.Blocks[1]).Fields!;
        Assert.Equal("*DAU*\n1,100\n▲ 10.0% d/d · ▼ 8.3% w/w", fields[0]);
        Assert.Equal("*WAU*\n5,000\n± 0.0% d/d · n/a w/w", fields[1]);
        Assert.Equal("*Day-1 retention*\n40.0% of 250 installs\n▲ 5.0 pt d/d · n/a w/w", fields[3]);
        var funnels = ((SectionBlock)message.Blocks[3]).Text!;
        Assert.Contains("*funnel1* (search → click_product_link): 15.0% (300 → 45) · ▲ 3.0 pt d/d · ▼ 5.0 pt w/w", funnels);
        var tops = ((SectionBlock)message.Blocks[4]).Fields!;
        Assert.Equal("*Top searches*\n1. `リップ` — 40\n2. `&lt;b&gt;&amp;` — 3", tops[0]);
        Assert.Equal("*Top products from search*\n1. pr000001  Kiss / Moist Lip — 12", tops[1]);
        Assert.Equal(new ImageSource.Attachment(DigestMessage.ChartName), ((ImageBlock)message.Blocks[5]).Source);
        Assert.Contains("<http://127.0.0.1:8088/dashboards|dashboards>", ((ContextBlock)message.Blocks[6]).Elements[1]);
        Assert.Contains("<http://127.0.0.1:8088/queries/new|queries>", ((ContextBlock)message.Blocks[6]).Elements[1]);
        Assert.StartsWith("KPI digest 2026-12-01: DAU 1,100 (▲ 10.0% d/d), WAU 5,000, MAU 20,000, day-1 retention 40.0%; funnel1 15.0%", message.Text);
    }

    [Fact]
    public void A_release_in_the_week_gets_its_verdict_after_the_funnels_within_slacks_limits()
    {
        var message = DigestMessage.Render(Data(releases: 5), new DigestLinks(null));

        Assert.Equal(new HeaderBlock("Release 5.1.0: worse on 1 metric"), message.Blocks[4]);
        Assert.StartsWith("*5.1.0* against *5.0.0*", ((SectionBlock)message.Blocks[5]).Text);
        Assert.Equal(3, message.Blocks.OfType<HeaderBlock>().Count(h => h.Text.StartsWith("Release")));
        Assert.Empty(SlackLimits.Violations(message.Text, message.Blocks));
        Assert.Contains("; Release 5.1.0: worse on search → view_product", message.Text);
    }

    [Fact]
    public void A_release_links_to_its_page_in_the_console()
    {
        var message = DigestMessage.Render(Data(releases: 1), new DigestLinks(new Uri("http://127.0.0.1:8088")));

        var context = (ContextBlock)message.Blocks[6];
        Assert.Equal(["Established users on each version", "<http://127.0.0.1:8088/releases/5.1.0|5.1.0 in the console>"], context.Elements);
        Assert.Empty(SlackLimits.Violations(message.Text, message.Blocks));
    }

    [Fact]
    public void Without_a_console_there_are_no_links()
    {
        var message = DigestMessage.Render(Data(), new DigestLinks(null));
        Assert.DoesNotContain(((ContextBlock)message.Blocks[^1]).Elements, e => e.Contains("http"));
    }

    [Fact]
    public void Hundreds_of_funnels_and_long_searches_still_fit_slacks_limits()
    {
        var message = DigestMessage.Render(Data(funnels: 1000, search: new string('x', 5000)), new DigestLinks(null));

        Assert.True(message.Blocks.Count <= SlackLimits.MaxBlocks);
        Assert.Empty(SlackLimits.Violations(message.Text, message.Blocks));
        Assert.Contains(message.Blocks.OfType<ContextBlock>(), c => c.Elements[0].Contains("more funnel section(s) left out"));
    }

    [Fact]
    public void The_chart_is_a_png()
    {
        var png = DigestChart.ActiveUsers(Data().Trend);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.True(png.Length > 1000);
    }
}
