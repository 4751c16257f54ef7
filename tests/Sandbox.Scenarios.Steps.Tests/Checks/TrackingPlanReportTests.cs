using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Scenarios.Steps.Tests.Checks;

public sealed class TrackingPlanReportTests
{
    [Fact]
    public void Bad_events_are_grouped_by_event_violation_path_and_app_version()
    {
        var missing = new[] { ("required_property_missing", "$.properties.shop_url") };
        var report = TrackingPlanReport.From(
        [
            new BadEvent("""{"event_name":"click_product_link","app_version":"5.11.0"}""", "s3://b/k:1", missing),
            new BadEvent("""{"event_name":"click_product_link","app_version":"5.11.0"}""", "s3://b/k:2", missing),
            new BadEvent("{\"event_na", "s3://b/k:3", [("malformed_json", "$")]),
        ]);
        Assert.Equal(
            [
                new ViolationGroup("click_product_link", "required_property_missing", "$.properties.shop_url", "5.11.0", 2),
                new ViolationGroup("?", "malformed_json", "$", "?", 1),
            ],
            report.Groups);
        Assert.Contains("click_product_link: required_property_missing at $.properties.shop_url, app_version 5.11.0: 2 events", report.Describe());
    }
}
