using System.Numerics;
using Sandbox.Kinesis.Server.Storage;

namespace Sandbox.Kinesis.Server.Tests.Storage;

public sealed class SequenceNumberTests
{
    [Fact]
    public void Sequence_numbers_are_56_digit_decimals_that_round_trip()
    {
        var sequence = SequenceNumber.Format(7, 123_456_789);

        Assert.Equal(56, sequence.Length);
        Assert.All(sequence, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.True(SequenceNumber.TryParse(sequence, out var shard, out var position));
        Assert.Equal((7, 123_456_789L), (shard, position));
    }

    [Fact]
    public void Numeric_and_string_order_follow_position_within_a_shard_and_shard_index_across()
    {
        var ordered = new[] { SequenceNumber.Format(0, 0), SequenceNumber.Format(0, 9), SequenceNumber.Format(0, 10), SequenceNumber.Format(1, 0), SequenceNumber.Format(12, 5) };

        Assert.Equal(ordered, ordered.OrderBy(s => BigInteger.Parse(s)));
        Assert.Equal(ordered, ordered.OrderBy(s => s, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(12, 9_876_543_210L)]
    [InlineData(int.MaxValue, long.MaxValue)]
    public void The_UTF8_form_written_by_GetRecords_equals_the_string_form(int shard, long position)
    {
        var utf8 = new byte[SequenceNumber.Length];
        SequenceNumber.FormatUtf8(shard, position, utf8);

        Assert.Equal(SequenceNumber.Format(shard, position), System.Text.Encoding.ASCII.GetString(utf8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("49000000000000000000000000000000000000000000000000000x00")]
    [InlineData("12000000000000000000000000000000000000000000000000000000")]
    [InlineData("49000000000010000000000000000000000000000000000000000000")]
    public void Foreign_strings_are_not_sequence_numbers(string value) =>
        Assert.False(SequenceNumber.TryParse(value, out _, out _));
}
