using Sandbox.ClickLog.Tests.Infrastructure;

namespace Sandbox.ClickLog.Tests;

/// <summary>The factory `sandbox run` uses: the mapping built from the endpoints contract alone.</summary>
[Collection(ClickLogCollection.Name)]
public sealed class ClickLogMappingTests(ClickLogFixture fixture)
{
    [Fact]
    public async Task The_mapping_built_from_the_contract_writes_the_streams_clicks_to_the_contracts_table()
    {
        var stream = await fixture.CreateStreamAsync(shards: 2);
        var table = await fixture.CreateClickTableAsync();
        var endpoints = fixture.Endpoints with
        {
            Resources = fixture.Endpoints.Resources with
            {
                Stream = stream, ClickLogTable = table, LeaseTable = await fixture.CreateLeaseTableAsync(), ErrorBucket = fixture.ErrorBucket,
            },
        };
        await fixture.PutAsync(stream, [.. Enumerable.Range(0, 25).Select(i => ($"u-{i % 5}", TestLines.Click($"u-{i % 5}", i))), ("o", TestLines.Other())]);

        await using var mapping = ClickLogMapping.Create(endpoints, new ClickLogOptions { MappingUuid = ClickLogFixture.Unique("esm") });
        await mapping.Worker.StartAsync(CancellationToken.None);
        await mapping.Worker.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        await Wait.UntilAsync(() => mapping.Worker.Metrics.PolledEventCount == 26 && mapping.Worker.Counters.InFlight == 0,
            () => mapping.Worker.Metrics.ToString());
        await mapping.Worker.StopAsync(CancellationToken.None);

        Assert.Equal(25, await fixture.CountItemsAsync(table));
        Assert.Equal(25, mapping.Function.Written);
        Assert.Equal(1, mapping.Worker.Metrics.FilteredOutEventCount);
    }
}
