using System.Text;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class EventIdSetTests
{
    [Fact]
    public void Each_id_is_new_once_and_ids_differing_in_one_byte_are_distinct()
    {
        var ids = new EventIdSet();

        Assert.True(ids.Add("01JDX0ZQ7M8Y3V5K2N4P6R8T0W"u8));
        Assert.True(ids.Add("01JDX0ZQ7M8Y3V5K2N4P6R8T0X"u8));
        Assert.True(ids.Add("01JDX0ZQ7M8Y3V5K2N4P6R8T0"u8));
        Assert.False(ids.Add("01JDX0ZQ7M8Y3V5K2N4P6R8T0W"u8));
        Assert.False(ids.Add("01JDX0ZQ7M8Y3V5K2N4P6R8T0"u8));
    }

    [Fact]
    public void Ids_spread_over_several_storage_blocks_are_all_remembered()
    {
        var ids = new EventIdSet();
        // 100k ids of ~30 bytes fill three 1 MiB blocks.
        var all = Enumerable.Range(0, 100_000).Select(i => Encoding.UTF8.GetBytes($"event-{i:D8}-{new string('x', i % 40)}")).ToList();

        Assert.All(all, id => Assert.True(ids.Add(id)));
        Assert.All(all, id => Assert.False(ids.Add(id)));
    }
}
