using System.Globalization;
using Sandbox.DynamoDb.Server.Model;
using Sandbox.DynamoDb.Server.Storage;

namespace Sandbox.DynamoDb.Server.Tests.Storage;

/// <summary>The on-disk key bytes sort (memcmp) exactly as DynamoDB orders keys: N by value, S by UTF-8 bytes, B by bytes, partition first.</summary>
public sealed class KeyEncodingTests
{
    private static byte[] Encode(AttributeValue hash, AttributeValue? range = null, sbyte bound = 0) => KeyEncoding.Of(new ItemKey(hash, range, bound));

    private static int Memcmp(byte[] a, byte[] b) => Math.Sign(a.AsSpan().SequenceCompareTo(b));

    private static void AssertAscending(IReadOnlyList<byte[]> encoded, IReadOnlyList<string> labels)
    {
        for (var i = 1; i < encoded.Count; i++)
            Assert.True(Memcmp(encoded[i - 1], encoded[i]) < 0, $"{labels[i - 1]} should sort before {labels[i]}");
    }

    [Fact]
    public void Numbers_sort_by_value_across_signs_fractions_exponents_and_38_digits()
    {
        string[] ascending =
        [
            "-9.9999999999999999999999999999999999999E+125", "-1E+125", "-12345678901234567890123456789012345678", "-12345678901234567890123456789012345677",
            "-1000", "-999.5", "-100", "-99", "-10", "-9.99", "-2", "-1.5", "-1.25", "-1.2", "-1", "-0.5", "-0.05", "-0.0499", "-1E-130",
            "0", "1E-130", "0.00000000000000000000000000000000001", "0.001", "0.01", "0.0999", "0.1", "0.10000000000000000000000000000000000001",
            "0.5", "1", "1.0000000000000000000000000000000000001", "1.2", "1.25", "2", "9", "9.5", "10", "10.5", "99", "100", "101",
            "1E+3", "1001", "12345678901234567890123456789012345677", "12345678901234567890123456789012345678", "1E+125", "9.9999999999999999999999999999999999999E+125",
        ];
        AssertAscending([.. ascending.Select(n => Encode(AttributeValue.Number(n)))], ascending);
    }

    [Theory]
    [InlineData("1.5", "1.50", "15E-1", "+0.15e+1", "0001.5000")]
    [InlineData("0", "-0", "0.000", "0E+10", "-0.0e-5")]
    [InlineData("-120", "-1.2E2", "-1200e-1", "-120.0", "-0120")]
    public void Equal_numbers_encode_alike(params string[] spellings) =>
        Assert.All(spellings, s => Assert.Equal(Encode(AttributeValue.Number(spellings[0])), Encode(AttributeValue.Number(s))));

    [Fact]
    public void Numbers_agree_with_the_engines_comparison_on_random_values()
    {
        var random = new Random(17);
        var values = Enumerable.Range(0, 2000).Select(_ =>
        {
            var mantissa = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 7));
            return random.Next(4) == 0 ? Math.Round(mantissa).ToString(CultureInfo.InvariantCulture) : mantissa.ToString("G10", CultureInfo.InvariantCulture);
        }).ToList();
        for (var i = 1; i < values.Count; i++)
        {
            var (a, b) = (values[i - 1], values[i]);
            Assert.True(Numbers.Compare(a, b) == Memcmp(Encode(AttributeValue.Number(a)), Encode(AttributeValue.Number(b))), $"{a} vs {b}");
        }
    }

    [Fact]
    public void Strings_sort_by_utf8_bytes_with_prefixes_and_nul_characters()
    {
        string[] ascending = ["A", "Z", "a", "a\0", "a\0\0", "a\0b", "a\u0001", "ab", "b", "\u007f", "\u00e9", "\uffff", "\U0001F600"];
        AssertAscending([.. ascending.Select(s => Encode(AttributeValue.String(s)))], ascending);
    }

    [Fact]
    public void Binary_sorts_by_bytes_with_prefixes_zeros_and_ff()
    {
        byte[][] ascending = [[0], [0, 0], [0, 1], [0, 0xFF], [1], [1, 0], [0x7F], [0x80], [0xFF], [0xFF, 0], [0xFF, 0xFF]];
        AssertAscending([.. ascending.Select(b => Encode(AttributeValue.Bytes(b)))], [.. ascending.Select(Convert.ToHexString)]);
    }

    [Fact]
    public void Keys_sort_by_partition_first_and_probes_bracket_exactly_one_partition()
    {
        var a = AttributeValue.String("a");
        var aNul = AttributeValue.String("a\0");
        var below = Encode(a, bound: -1);
        var above = Encode(a, bound: 1);
        byte[][] inside = [Encode(a, AttributeValue.String("\0")), Encode(a, AttributeValue.String("x")), Encode(a, AttributeValue.String("\U0001F600"))];
        Assert.All(inside, key => Assert.True(Memcmp(below, key) < 0 && Memcmp(key, above) < 0));
        var next = Encode(aNul, AttributeValue.String("\0"));
        Assert.True(Memcmp(above, next) < 0, "the probe above partition 'a' stays below partition 'a\\0'");
        Assert.True(Memcmp(Encode(a, AttributeValue.String("zzz")), Encode(aNul, AttributeValue.String("a"))) < 0, "partition order wins over sort key order");
        var numbers = new[] { "-1", "0", "1" }.Select(n => Encode(AttributeValue.Number(n), AttributeValue.Number("5"))).ToList();
        AssertAscending(numbers, ["-1", "0", "1"]);
        Assert.True(Memcmp(Encode(AttributeValue.Number("-1"), bound: 1), numbers[1]) < 0);
    }
}
