using System.Globalization;
using System.Text.RegularExpressions;

namespace Sandbox.Lake.Partitions;

/// <summary>
/// Derives the partitions a SQL statement needs from simple dt/hour predicates, conservatively:
/// <list type="bullet">
/// <item>only statements with exactly one FROM and one WHERE and no JOIN, OR, NOT, CASE, UNION, EXCEPT,
/// INTERSECT (so every recognised predicate is a top-level AND term on the one table read);
/// anything else reads all partitions;</item>
/// <item>forms (column optionally qualified, e.g. <c>e.dt</c>): <c>dt = 'YYYY-MM-DD'</c>,
/// <c>dt between 'a' and 'b'</c>, <c>dt &gt;= / &gt; / &lt;= / &lt; 'd'</c>, <c>dt in ('a', 'b')</c>
/// (optionally <c>date 'd'</c>); the same for <c>hour</c> with 0-23 (quoted or not);</item>
/// <item>any other predicate is left to the query itself.</item>
/// </list>
/// Pruning only ever reads a superset of what the WHERE keeps, so results stay correct.
/// </summary>
public static partial class PartitionPredicates
{
    public static PartitionFilter FromSql(string sql)
    {
        var masked = MaskStrings(sql);
        if (Disqualifier().IsMatch(masked) || Where().Matches(masked).Count != 1 || From().Matches(masked).Count != 1) return PartitionFilter.All;
        var start = Where().Match(masked).Index;
        var end = ClauseEnd().Match(masked, start) is { Success: true } next ? next.Index : sql.Length;
        var where = sql[start..end];

        var filter = PartitionFilter.All;
        foreach (Match m in Comparison().Matches(where))
            filter = filter.Intersect(Compare(m.Groups["col"].Value.ToLowerInvariant(), m.Groups["op"].Value, m.Groups["v"].Value) ?? PartitionFilter.All);
        foreach (Match m in Between().Matches(where))
            filter = filter.Intersect(Range(m.Groups["col"].Value.ToLowerInvariant(), m.Groups["a"].Value, m.Groups["b"].Value) ?? PartitionFilter.All);
        foreach (Match m in InList().Matches(where))
        {
            var values = ListItem().Matches(m.Groups["list"].Value).Select(v => v.Groups["v"].Value).ToList();
            if (values.Count == 0) continue;
            var column = m.Groups["col"].Value.ToLowerInvariant();
            var sorted = column == "dt" ? values.Order(StringComparer.Ordinal).ToList() : values.OrderBy(v => int.TryParse(v, out var h) ? h : -1).ToList();
            filter = filter.Intersect(Range(column, sorted[0], sorted[^1]) ?? PartitionFilter.All);
        }
        return filter;
    }

    private static PartitionFilter? Compare(string column, string op, string value) => op switch
    {
        "=" or "==" => Range(column, value, value),
        ">=" => Range(column, value, null),
        "<=" => Range(column, null, value),
        ">" => Shifted(column, value, +1) is { } after ? Range(column, after, null) : null,
        "<" => Shifted(column, value, -1) is { } before ? Range(column, null, before) : null,
        _ => null,
    };

    private static PartitionFilter? Range(string column, string? low, string? high)
    {
        if (column == "dt")
        {
            DateOnly? from = null, to = null;
            if (low is not null) { if (Day(low) is { } d) from = d; else return null; }
            if (high is not null) { if (Day(high) is { } d) to = d; else return null; }
            return new PartitionFilter(From: from, To: to);
        }
        int? first = null, last = null;
        if (low is not null) { if (Hour(low) is { } h) first = h; else return null; }
        if (high is not null) { if (Hour(high) is { } h) last = h; else return null; }
        return new PartitionFilter(FirstHour: first, LastHour: last);
    }

    private static string? Shifted(string column, string value, int by) => column == "dt"
        ? Day(value)?.AddDays(by).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Hour(value) is { } h ? (h + by).ToString(CultureInfo.InvariantCulture) : null;

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    // Out-of-range hours (hour < 0, hour > 23) still bound the range; they just match nothing.
    private static int? Hour(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hour) ? hour : null;

    /// <summary>Blanks string literals so keywords inside them do not count.</summary>
    private static string MaskStrings(string sql) => StringLiteral().Replace(sql, m => new string('x', m.Length));

    private const string Column = @"(?<![\w.""])(?:\w+\.)?""?(?<col>dt|hour)""?(?![\w""])";
    private const string Value = @"(?:date\s+)?(?:'(?<v>[^']*)'|(?<v>-?\d+))";

    [GeneratedRegex(@"\b(or|not|case|union|except|intersect|join)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Disqualifier();

    [GeneratedRegex(@"\bwhere\b", RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    [GeneratedRegex(@"\bfrom\b", RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [GeneratedRegex(@"\b(group\s+by|order\s+by|limit|having|window|qualify)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(Column + @"\s*(?<op>>=|<=|==|=|>|<)\s*" + Value, RegexOptions.IgnoreCase)]
    private static partial Regex Comparison();

    [GeneratedRegex(Column + @"\s+between\s+(?:date\s+)?(?:'(?<a>[^']*)'|(?<a>-?\d+))\s+and\s+(?:date\s+)?(?:'(?<b>[^']*)'|(?<b>-?\d+))", RegexOptions.IgnoreCase)]
    private static partial Regex Between();

    [GeneratedRegex(Column + @"\s+in\s*\((?<list>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex InList();

    [GeneratedRegex(Value, RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();
}
