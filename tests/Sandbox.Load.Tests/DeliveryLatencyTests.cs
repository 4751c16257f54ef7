using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Tests;

public class DeliveryLatencyTests
{
    [Fact]
    public void A_sample_is_polled_every_two_seconds_while_young_then_at_five_percent_of_its_age()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), DeliveryLatency.NextPollAfter(TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(2), DeliveryLatency.NextPollAfter(TimeSpan.FromSeconds(40)));
        Assert.Equal(TimeSpan.FromSeconds(3), DeliveryLatency.NextPollAfter(TimeSpan.FromSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(45), DeliveryLatency.NextPollAfter(TimeSpan.FromMinutes(15)));
    }
}
