using Sandbox.Scenarios.Steps.Checks;

namespace Sandbox.Scenarios.Steps.Tests.Checks;

public sealed class ReleaseCompletenessTests
{
    [Fact]
    public void A_version_without_an_event_the_others_send_is_a_gap_with_the_expected_count()
    {
        var counts = new Dictionary<(string, string), long>
        {
            [("5.10.0", "app_open")] = 900, [("5.10.0", "share")] = 100,
            [("5.11.0", "app_open")] = 500,
        };
        var gap = Assert.Single(ReleaseCompleteness.Find(counts, "share"));
        Assert.Equal(("5.11.0", 500L, 50L), (gap.AppVersion, gap.VersionEvents, gap.ExpectedMissing));
        Assert.Equal("app_version 5.11.0 sent no \"share\" event in 500 events (about 50 expected at the other versions' rate)", gap.ToString());
    }

    [Fact]
    public void Too_little_traffic_to_expect_one_event_is_no_gap()
    {
        var counts = new Dictionary<(string, string), long>
        {
            [("5.10.0", "app_open")] = 990, [("5.10.0", "share")] = 10,
            [("5.11.0", "app_open")] = 20,
        };
        Assert.Empty(ReleaseCompleteness.Find(counts, "share"));
    }
}
