using System.Text;
using Sandbox.DynamoDb.Server.Errors;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Storage;

/// <summary>
/// Primary keys as bytes whose memcmp order is DynamoDB's key order (partition value, then sort key):
/// what the on-disk B-tree sorts by. Every part is self-delimiting, so a partition's encoding is a
/// prefix of all its items' keys and a different partition differs inside the partition part.
/// S is its UTF-8 bytes and B its bytes, with 0x00 escaped as 00 FF and 00 00 closing; N is a sign
/// byte, then for positives the exponent (2 bytes) and the significant digits closed by 00, for
/// negatives the same bytes complemented (so a bigger magnitude sorts lower), closed by FF.
/// Equal numbers ("1.5", "1.50", "15E-1") encode alike.
/// </summary>
public static class KeyEncoding
{
    private const byte Negative = 0x01, Zero = 0x02, Positive = 0x03;
    // Marks a sort key after its partition; a partition's upper probe uses the next byte up.
    private const byte SortKeyFollows = 0x01, AboveEverySortKey = 0x02;
    private const int ExponentBias = 0x8000;

    /// <summary>The bytes of a key; a probe (<see cref="ItemKey.Bound"/> -1 / +1) sorts below / above every item of its partition.</summary>
    public static byte[] Of(ItemKey key)
    {
        var bytes = new List<byte>(64);
        Append(bytes, key.Hash);
        if (key.Bound > 0) bytes.Add(AboveEverySortKey);
        else if (key.Bound == 0 && key.Range is not null)
        {
            bytes.Add(SortKeyFollows);
            Append(bytes, key.Range);
        }
        return [.. bytes];
    }

    private static void Append(List<byte> bytes, AttributeValue value)
    {
        switch (value.Type)
        {
            case AttributeType.S: AppendEscaped(bytes, Encoding.UTF8.GetBytes(value.Text!)); break;
            case AttributeType.B: AppendEscaped(bytes, value.Binary!); break;
            case AttributeType.N: AppendNumber(bytes, value.Text!); break;
            default: throw new ArgumentException($"{value.Type} cannot be a key attribute", nameof(value));
        }
    }

    private static void AppendEscaped(List<byte> bytes, ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
        {
            bytes.Add(b);
            if (b == 0) bytes.Add(0xFF);
        }
        bytes.Add(0);
        bytes.Add(0);
    }

    private static void AppendNumber(List<byte> bytes, string text)
    {
        var (negative, digits, exponent) = Decimal(text);
        if (digits.Length == 0)
        {
            bytes.Add(Zero);
            return;
        }
        bytes.Add(negative ? Negative : Positive);
        byte mask = negative ? (byte)0xFF : (byte)0;
        var biased = exponent + ExponentBias;
        bytes.Add((byte)((biased >> 8) ^ mask));
        bytes.Add((byte)((biased & 0xFF) ^ mask));
        foreach (var digit in digits) bytes.Add((byte)(digit ^ mask));
        bytes.Add(mask);
    }

    /// <summary>
    /// A number's value as 0.d1d2d3... x 10^exponent: its significant digits (ASCII, no leading or
    /// trailing zeros; empty for zero) and exponent. Exact for any length, unlike decimal or double.
    /// </summary>
    internal static (bool Negative, string Digits, int Exponent) Decimal(string text)
    {
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+') negative = text[i++] == '-';
        var digits = new StringBuilder(text.Length);
        var pointAt = -1;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            if (text[i] == '.') pointAt = digits.Length;
            else digits.Append(text[i]);
        }
        var integerDigits = pointAt < 0 ? digits.Length : pointAt;
        long exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            if (!long.TryParse(text.AsSpan(i + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 30_000)
                throw DynamoDbException.Validation($"The parameter cannot be converted to a numeric value: {text}");
        }
        else if (i != text.Length || digits.Length == 0)
            throw DynamoDbException.Validation($"The parameter cannot be converted to a numeric value: {text}");
        var all = digits.ToString();
        var leading = all.Length - all.TrimStart('0').Length;
        var significant = all.Trim('0');
        if (significant.Length == 0) return (false, "", 0);
        return (negative, significant, (int)(integerDigits - leading + exponent));
    }
}
