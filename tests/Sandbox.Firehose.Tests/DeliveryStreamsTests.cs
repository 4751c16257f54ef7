using Sandbox.Core.Endpoints;

namespace Sandbox.Firehose.Tests;

public class DeliveryStreamsTests
{
    [Fact]
    public async Task The_two_streams_are_named_as_sandbox_run_names_them_unless_named_otherwise()
    {
        var endpoints = EndpointsLoader.Load();

        await using (var standard = DeliveryStreams.Create(endpoints, new FirehoseOptions()))
            Assert.Equal(
                [FirehoseOptions.ArchiveStreamName, FirehoseOptions.WarehouseStreamName],
                [standard.Archive.Name, standard.Warehouse.Name]);

        // A bench round names its streams apart so its leases and metrics are its own.
        await using var named = DeliveryStreams.Create(endpoints, new FirehoseOptions(), "bench-arch1", "bench-wh1");
        Assert.Equal(["bench-arch1", "bench-wh1"], named.Workers.Select(w => w.Name));
        Assert.Equal("bench-wh1", named.Warehouse.Name);
    }
}
