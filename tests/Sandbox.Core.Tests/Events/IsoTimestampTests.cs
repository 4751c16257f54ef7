using System.Text;
using Sandbox.Core.Events;

namespace Sandbox.Core.Tests.Events;

public class IsoTimestampTests
{
    [Theory]
    [InlineData(0L, "1970-01-01T00:00:00.000Z")]
    [InlineData(1764505496789L, "2025-11-30T12:24:56.789Z")]
    [InlineData(1709208000001L, "2024-02-29T12:00:00.001Z")]
    public void Formats_fixed_width_utc_and_parses_back(long ms, string text)
    {
        Assert.Equal(text, IsoTimestamp.Format(ms));
        Assert.True(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var parsed));
        Assert.Equal(ms, parsed);
    }

    [Theory]
    [InlineData("2026-11-30T12:34:56Z", 1796042096000L)]
    [InlineData("2026-11-30T12:34:56.5Z", 1796042096500L)]
    [InlineData("2026-11-30T12:34:56.1234567Z", 1796042096123L)]
    public void Accepts_other_fraction_widths(string text, long ms)
    {
        Assert.True(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out var parsed));
        Assert.Equal(ms, parsed);
    }

    [Theory]
    [InlineData("2026-11-30T12:34:56.789+09:00")]
    [InlineData("2026-11-30 12:34:56.789Z")]
    [InlineData("2026-02-30T12:34:56.789Z")]
    [InlineData("2026-11-30T24:00:00.000Z")]
    [InlineData("2026-11-30T12:34:56.Z")]
    [InlineData("20261130T123456Z")]
    public void Rejects_non_utc_or_impossible_instants(string text)
    {
        Assert.False(IsoTimestamp.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}
