using System.Text;
using Sandbox.Shipper.Records;

namespace Sandbox.Shipper.Tests;

public sealed class PartitionKeyTests
{
    [Theory]
    [InlineData("""{"event_id":"E1","user_id":"u-1","anonymous_id":"a-1"}""", "u-1", KeySource.UserId)]
    [InlineData("""{"anonymous_id":"a-1","user_id":"u-\u00e9"}""", "u-é", KeySource.UserId)]
    [InlineData("""{"event_id":"E1","user_id":null,"anonymous_id":"a-1","properties":{"user_id":"nested"}}""", "a-1", KeySource.AnonymousId)]
    [InlineData("""{"user_id":"","anonymous_id":"a-2"}""", "a-2", KeySource.AnonymousId)]
    [InlineData("""{"user_id":42,"anonymous_id":"a-3"}  """, "a-3", KeySource.AnonymousId)]
    public void Uses_user_id_else_anonymous_id(string line, string key, KeySource source) =>
        Assert.Equal((key, source), PartitionKey.For(Encoding.UTF8.GetBytes(line)));

    [Theory]
    [InlineData("""{"event_id":"E1","user_id":"u-1","prop""", KeySource.FallbackNotJson)]
    [InlineData("""{"user_id":"u-1"}{"user_id":"u-1"}""", KeySource.FallbackNotJson)]
    [InlineData("""["u-1"]""", KeySource.FallbackNotJson)]
    [InlineData("not json", KeySource.FallbackNotJson)]
    [InlineData("""{"event_id":"E1"}""", KeySource.FallbackNoId)]
    public void Malformed_or_unkeyed_lines_get_a_stable_fallback_key(string line, KeySource source)
    {
        var (key, actual) = PartitionKey.For(Encoding.UTF8.GetBytes(line));
        Assert.Equal(source, actual);
        Assert.StartsWith(PartitionKey.FallbackPrefix, key);
        Assert.Equal(key, PartitionKey.For(Encoding.UTF8.GetBytes(line)).Key);
    }

    [Fact]
    public void An_id_longer_than_Kinesis_allows_is_not_used()
    {
        var line = $$"""{"user_id":"{{new string('u', 257)}}","anonymous_id":"a-9"}""";
        Assert.Equal(("a-9", KeySource.AnonymousId), PartitionKey.For(Encoding.UTF8.GetBytes(line)));
    }
}
