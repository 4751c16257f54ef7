using System.Buffers.Text;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Events;

/// <summary>
/// JSON may spell characters PostgreSQL refuses in text and jsonb: <c>\u0000</c>, and a UTF-16
/// surrogate escape without its other half. One such line would fail the whole COPY on every retry,
/// so loaders reject that line instead (bad_events, stl_load_errors). Raw NUL bytes and invalid UTF-8 never get here:
/// they are not valid JSON and fail the plan's check first.
/// </summary>
public static class UnstorableText
{
    public static Violation? Find(ReadOnlySpan<byte> line)
    {
        var pendingHigh = false;
        for (var i = line.IndexOf((byte)'\\'); i >= 0 && i < line.Length - 1;)
        {
            if (line[i + 1] != (byte)'u')
            {
                if (pendingHigh) return LoneSurrogate();
                i = Next(line, i + 2);
                continue;
            }
            if (i + 6 > line.Length || !Utf8Parser.TryParse(line.Slice(i + 2, 4), out ushort code, out var used, 'X') || used != 4)
                return null; // not a \uXXXX escape: the JSON check already judged the line
            if (code == 0) return new Violation(ViolationType.UnstorableValue, "$", "contains \\u0000 (NUL), which PostgreSQL text and jsonb cannot store");
            var isHigh = code is >= 0xD800 and <= 0xDBFF;
            var isLow = code is >= 0xDC00 and <= 0xDFFF;
            if (pendingHigh != isLow) return LoneSurrogate();
            pendingHigh = isHigh;
            if (!pendingHigh)
            {
                i = Next(line, i + 6);
                continue;
            }
            // A high surrogate's partner must be the very next escape.
            if (i + 6 >= line.Length || line[i + 6] != (byte)'\\') return LoneSurrogate();
            i += 6;
        }
        return pendingHigh ? LoneSurrogate() : null;
    }

    private static int Next(ReadOnlySpan<byte> line, int from)
    {
        if (from >= line.Length) return -1;
        var offset = line[from..].IndexOf((byte)'\\');
        return offset < 0 ? -1 : from + offset;
    }

    private static Violation LoneSurrogate() =>
        new(ViolationType.UnstorableValue, "$", "contains half of a UTF-16 surrogate pair (a \\uD800-\\uDFFF escape without its partner), which PostgreSQL cannot store");
}
