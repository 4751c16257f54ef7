using System.Globalization;

namespace Sandbox.Kinesis.Server.Storage;

/// <summary>
/// AWS-style 56-digit decimal sequence numbers: "49" + shard index (10 digits) + 24 zeros +
/// position in the shard (20 digits). Fixed width, so numeric and string order agree, and a
/// child shard (higher index) sorts after its parents as on AWS.
/// </summary>
public static class SequenceNumber
{
    public const int Length = 56;
    private const string Prefix = "49";
    private const int ShardDigits = 10;
    private const int PositionDigits = 20;
    private const int ShardStart = 2;
    private const int PositionStart = Length - PositionDigits;

    public static string Format(int shardIndex, long position) =>
        string.Create(Length, (shardIndex, position), static (span, state) =>
        {
            span.Fill('0');
            Prefix.AsSpan().CopyTo(span);
            state.shardIndex.TryFormat(span.Slice(ShardStart, ShardDigits), out _, "D10", CultureInfo.InvariantCulture);
            state.position.TryFormat(span.Slice(PositionStart, PositionDigits), out _, "D20", CultureInfo.InvariantCulture);
        });

    /// <summary>Writes the sequence number as ASCII digits (no string allocated on the GetRecords path).</summary>
    public static void FormatUtf8(int shardIndex, long position, Span<byte> destination)
    {
        destination[..Length].Fill((byte)'0');
        destination[0] = (byte)'4';
        destination[1] = (byte)'9';
        shardIndex.TryFormat(destination.Slice(ShardStart, ShardDigits), out _, "D10", CultureInfo.InvariantCulture);
        position.TryFormat(destination.Slice(PositionStart, PositionDigits), out _, "D20", CultureInfo.InvariantCulture);
    }

    public static bool TryParse(string? value, out int shardIndex, out long position)
    {
        shardIndex = 0;
        position = 0;
        if (value is null || value.Length != Length || !value.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var span = value.AsSpan();
        foreach (var c in span) if (c is < '0' or > '9') return false;
        if (span[(ShardStart + ShardDigits)..PositionStart].ContainsAnyExcept('0')) return false;
        return int.TryParse(span.Slice(ShardStart, ShardDigits), NumberStyles.None, CultureInfo.InvariantCulture, out shardIndex)
            && long.TryParse(span.Slice(PositionStart, PositionDigits), NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
