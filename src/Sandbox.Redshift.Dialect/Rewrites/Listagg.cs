using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// LISTAGG([DISTINCT] expr [, delimiter]) [WITHIN GROUP (ORDER BY ...)] [OVER (PARTITION BY ...)]
/// becomes string_agg. As a window function PostgreSQL takes no ORDER BY inside the aggregate, so
/// the WITHIN GROUP order moves into the window with a frame spanning the whole partition, which
/// is what Redshift's window LISTAGG computes.
/// </summary>
internal static class Listagg
{
    public static int Rewrite(TokenList tokens, int name, int open, int close)
    {
        close = Expressions.Process(tokens, open + 1, close);
        var args = tokens.Arguments(open, close).Select(a => tokens.Text(a.Start, a.End)).ToList();
        if (args.Count is < 1 or > 2) return name + 1; // PostgreSQL reports the call it cannot resolve

        var distinct = args[0].StartsWith("distinct ", StringComparison.OrdinalIgnoreCase);
        var value = distinct ? args[0]["distinct ".Length..].Trim() : args[0];
        var delimiter = args.Count == 2 ? args[1] : "''";
        var end = close;

        string? order = null;
        var next = tokens.NextSignificant(close + 1);
        if (tokens.IsWordAt(next, "within"))
        {
            var group = tokens.NextSignificant(next + 1);
            var groupOpen = tokens.NextSignificant(group + 1);
            if (!tokens.IsWordAt(group, "group") || !tokens.IsPunctuationAt(groupOpen, "(")) return name + 1;
            var groupClose = tokens.MatchingParen(groupOpen);
            if (groupClose < 0) return name + 1;
            groupClose = Expressions.Process(tokens, groupOpen + 1, groupClose);
            order = tokens.Text(groupOpen + 1, groupClose);
            end = groupClose;
            next = tokens.NextSignificant(groupClose + 1);
        }

        // DISTINCT needs the ORDER BY expression among the arguments, so its value is not cast.
        var argument = distinct ? $"DISTINCT {value}" : $"({value})::varchar";
        if (!tokens.IsWordAt(next, "over"))
        {
            var within = order == null ? "" : " " + order;
            return tokens.Replace(name, end + 1, $"string_agg({argument}, {delimiter}{within})");
        }

        if (distinct) throw DialectException.NotSupported("LISTAGG(DISTINCT ...) as a window function", tokens[name]);
        var overOpen = tokens.NextSignificant(next + 1);
        var overClose = tokens.IsPunctuationAt(overOpen, "(") ? tokens.MatchingParen(overOpen) : -1;
        if (overClose < 0) return name + 1;
        overClose = Expressions.Process(tokens, overOpen + 1, overClose);
        var partition = tokens.Text(overOpen + 1, overClose);
        var window = order == null
            ? partition
            : $"{partition} {order} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING".Trim();
        return tokens.Replace(name, overClose + 1, $"string_agg({argument}, {delimiter}) OVER ({window})");
    }
}
