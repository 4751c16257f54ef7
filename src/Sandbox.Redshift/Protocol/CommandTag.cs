using System.Buffers;

namespace Sandbox.Redshift.Protocol;

/// <summary>Row counts from CommandComplete tags: "SELECT 5", "INSERT 0 5", "UPDATE 5", "COPY 5", "FETCH 5"...</summary>
internal static class CommandTag
{
    /// <returns>The tag's trailing number, or 0 for tags without one (CREATE TABLE, BEGIN...).</returns>
    public static long RowCount(in ReadOnlySequence<byte> body)
    {
        Span<byte> tag = stackalloc byte[64];
        var length = (int)Math.Min(body.Length, tag.Length);
        body.Slice(body.Length - length).CopyTo(tag);
        tag = tag[..length].TrimEnd((byte)0);
        var start = tag.LastIndexOf((byte)' ') + 1;
        long rows = 0;
        foreach (var digit in tag[start..])
        {
            if (digit is < (byte)'0' or > (byte)'9') return 0;
            rows = rows * 10 + (digit - '0');
        }
        return rows;
    }
}
