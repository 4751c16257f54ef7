using System.Text.RegularExpressions;
using Sandbox.Firehose.Naming;

namespace Sandbox.Firehose.Tests.Naming;

public class ObjectKeyNamerTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 11, 30, 23, 5, 9, TimeSpan.FromHours(9)); // 14:05:09 UTC

    [Fact]
    public void Default_prefix_gives_AWS_key_layout_in_UTC()
    {
        var key = new ObjectKeyNamer("to-archive").Name(PrefixExpression.Parse("").Evaluate(Arrival), Arrival, ".gz");

        Assert.Matches(new Regex(@"^2026/11/30/14/to-archive-1-2026-11-30-14-05-09-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.gz$"), key);
    }

    [Fact]
    public void Static_prefix_is_followed_by_the_default_hour_folders()
    {
        var key = new ObjectKeyNamer("to-archive", version: 3).Name(PrefixExpression.Parse("events/").Evaluate(Arrival), Arrival);

        Assert.StartsWith("events/2026/11/30/14/to-archive-3-2026-11-30-14-05-09-", key);
    }

    [Fact]
    public void Each_object_gets_its_own_name()
    {
        var namer = new ObjectKeyNamer("s");
        Assert.NotEqual(namer.Name("", Arrival), namer.Name("", Arrival));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/name")]
    public void Bad_delivery_stream_names_are_refused_with_the_name(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new ObjectKeyNamer(name));
        Assert.Contains($"'{name}'", error.Message);
    }
}
