using System.Text;
using Sandbox.Core.Events;

namespace Sandbox.Core.Tests.Events;

public class EventIdTests
{
    [Fact]
    public void Ids_are_26_crockford_chars_that_carry_their_timestamp()
    {
        var id = EventId.Format(1764505496789L, 0xABCD, 0x0123456789ABCDEF);
        Assert.Equal(26, id.Length);
        Assert.True(EventId.IsValid(Encoding.ASCII.GetBytes(id)));
        Assert.Equal(1764505496789L, EventId.TimestampOf(Encoding.ASCII.GetBytes(id)));
    }

    [Fact]
    public void Ids_sort_by_time_and_differ_by_entropy()
    {
        var earlier = EventId.Format(1000, 1, 1);
        var later = EventId.Format(1001, 0, 0);
        Assert.True(string.CompareOrdinal(earlier, later) < 0);
        Assert.NotEqual(EventId.Format(1000, 1, 2), EventId.Format(1000, 1, 3));
        Assert.NotEqual(EventId.Format(1000, 2, 2), EventId.Format(1000, 1, 2));
    }

    [Theory]
    [InlineData("01JDX0ZQ7M8Y3V5K2N4P6R8T0")]
    [InlineData("01JDX0ZQ7M8Y3V5K2N4P6R8T0U")]
    [InlineData("81JDX0ZQ7M8Y3V5K2N4P6R8T0W")]
    public void Rejects_wrong_length_alphabet_or_overflow(string text)
    {
        Assert.False(EventId.IsValid(Encoding.ASCII.GetBytes(text)));
    }
}
