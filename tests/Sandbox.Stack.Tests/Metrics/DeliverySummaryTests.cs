using Sandbox.Stack.Metrics;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Metrics;

[Collection(StackCollection.Name)]
public class DeliverySummaryTests(StackFixture stack)
{
    [Fact]
    public async Task Sums_the_last_hour_per_delivery_and_ignores_older_minutes()
    {
        var delivery = $"summary-{Guid.NewGuid():N}";
        await using (var insert = stack.Stack.Warehouse.CreateCommand(
            """
            insert into delivery_metrics (delivery, minute, records_in, records_out, bytes_out, records_failed, data_freshness_seconds)
            values ($1, date_trunc('minute', now()), 10, 9, 900, 1, 2.5),
                   ($1, date_trunc('minute', now()) - interval '1 minute', 5, 5, 500, 0, 4.0),
                   ($1, date_trunc('minute', now()) - interval '2 hours', 1000, 1000, 1, 0, 99)
            """))
        {
            insert.Parameters.Add(new() { Value = delivery });
            await insert.ExecuteNonQueryAsync();
        }

        var summaries = await DeliverySummary.LastHourAsync(stack.Stack.Warehouse, CancellationToken.None);

        Assert.Equal(new DeliverySummary(delivery, 15, 14, 1400, 1, 4.0), Assert.Single(summaries, s => s.Delivery == delivery));
    }
}
