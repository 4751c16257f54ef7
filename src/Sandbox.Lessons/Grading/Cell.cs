using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sandbox.Lessons.Grading;

/// <summary>
/// One value made comparable across drivers and types: numbers of any type (and numeric text) become
/// doubles compared with a small relative tolerance; timestamps become UTC text, with a midnight
/// timestamp equal to its date; booleans, arrays and text keep their meaning.
/// </summary>
internal readonly partial record struct Cell(double? Number, string? Text)
{
    private const double RelativeTolerance = 1e-6;

    public static readonly Cell Null = new(null, null);

    public bool IsNull => Number is null && Text is null;

    public static Cell From(object? value) => value switch
    {
        null or DBNull => Null,
        bool b => new(null, b ? "true" : "false"),
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
            => new(Convert.ToDouble(value, CultureInfo.InvariantCulture), null),
        DateTime t => new(null, Timestamp(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t)),
        DateTimeOffset t => new(null, Timestamp(t.UtcDateTime)),
        DateOnly d => new(null, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        TimeOnly t => new(null, t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture)),
        TimeSpan s => new(null, s.ToString("c", CultureInfo.InvariantCulture)),
        string s => FromText(s),
        IEnumerable items => new(null, "[" + string.Join(", ", items.Cast<object?>().Select(i => From(i).ToString())) + "]"),
        _ => FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    // Plain decimals only: ids such as "007" or "1e3" stay text.
    private static Cell FromText(string text) =>
        PlainNumber().IsMatch(text) ? new(double.Parse(text, CultureInfo.InvariantCulture), null) : new(null, text);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex PlainNumber();

    private static string Timestamp(DateTime t) =>
        t.TimeOfDay == TimeSpan.Zero
            ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    public bool Matches(Cell other)
    {
        if (Number is { } a && other.Number is { } b)
            return a == b || Math.Abs(a - b) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
        return Number is null && other.Number is null && Text == other.Text;
    }

    /// <summary>Sort order for order-insensitive comparison: nulls, then numbers (rounded so near-equal values sort together), then text.</summary>
    public static int Compare(Cell x, Cell y)
    {
        var rank = Rank(x).CompareTo(Rank(y));
        if (rank != 0) return rank;
        if (x.Number is { } a && y.Number is { } b) return Rounded(a).CompareTo(Rounded(b));
        return string.CompareOrdinal(x.Text, y.Text);
    }

    private static int Rank(Cell c) => c.IsNull ? 0 : c.Number is not null ? 1 : 2;

    private static double Rounded(double value) =>
        value == 0 || double.IsNaN(value) || double.IsInfinity(value) ? value : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public override string ToString() =>
        IsNull ? "NULL" : Number is { } n ? n.ToString("G10", CultureInfo.InvariantCulture) : $"'{Text}'";
}
