using System.Text;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Tests.TrackingPlan;

public class TrackingPlanLoaderTests
{
    [Fact]
    public void Embedded_plan_holds_the_required_events_and_envelope()
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        string[] expected =
        [
            "app_install", "app_open", "signup", "login", "screen_view", "search", "view_post", "like_post",
            "clip_post", "follow_user", "view_product", "click_product_link", "post_review", "share", "push_open",
        ];
        Assert.All(expected, name => Assert.True(plan.IsPlanned(name), name));
        Assert.InRange(plan.Events.Count, 15, 25);
        Assert.Matches(@"^\d+\.\d+\.\d+$", plan.Version);
        Assert.Contains(plan.Envelope, f => f is { Name: "event_time", Type: PropertyType.Timestamp, Required: true });
        var click = plan.FindEvent("click_product_link")!;
        Assert.True(click.FindProperty("shop_url")!.Required);
    }

    [Theory]
    [InlineData("\"type\": \"string\"", "\"type\": \"text\"", "unknown type 'text'")]
    [InlineData("\"version\": \"1.0.0\"", "\"version\": \"v1\"", "not MAJOR.MINOR.PATCH")]
    [InlineData("{ \"name\": \"event_id\"", "{ \"name\": \"event_uuid\"", "lacks the field 'event_id'")]
    [InlineData("{ \"name\": \"logout\"", "{ \"name\": \"login\"", "event 'login' is defined twice")]
    [InlineData("{ \"name\": \"share\"", "{ \"name\": \"Share\"", "'Share' is not snake_case")]
    public void Broken_plans_are_rejected_with_the_reason(string original, string replacement, string expected)
    {
        var text = ReadEmbeddedText();
        var index = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(index >= 0, $"fixture text '{original}' not in the plan");
        var broken = text[..index] + replacement + text[(index + original.Length)..];
        var error = Assert.Throws<TrackingPlanFormatException>(() =>
            TrackingPlanLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(broken)), "broken.json"));
        Assert.Contains(expected, error.Message);
        Assert.Contains("broken.json", error.Message);
    }

    [Fact]
    public void Not_json_is_rejected()
    {
        var error = Assert.Throws<TrackingPlanFormatException>(() =>
            TrackingPlanLoader.Load(new MemoryStream("{"u8.ToArray()), "x.json"));
        Assert.Contains("not valid JSON", error.Message);
    }

    private static string ReadEmbeddedText()
    {
        using var stream = typeof(TrackingPlanLoader).Assembly.GetManifestResourceStream(TrackingPlanLoader.ResourceName)!;
        return new StreamReader(stream).ReadToEnd();
    }
}
