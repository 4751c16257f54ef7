using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// ANALYZE COMPRESSION [table [(columns)]] [COMPROWS n] becomes a query over
/// redshift.analyze_compression (a result set as Redshift returns); ANALYZE ... PREDICATE COLUMNS /
/// ALL COLUMNS loses the Redshift-only suffix (PostgreSQL analyzes all columns).
/// </summary>
internal static class Analyze
{
    /// <returns>true when the statement is fully rewritten (no expression pass needed).</returns>
    public static bool Rewrite(TokenList tokens, int first)
    {
        var i = tokens.NextSignificant(first + 1);
        if (!tokens.IsWordAt(i, "compression"))
        {
            StripColumnsSuffix(tokens, i);
            return false;
        }
        i = tokens.NextSignificant(i + 1);
        string table = "NULL", columns = "NULL";
        if (i < tokens.Count && !tokens.IsWordAt(i, "comprows") && !tokens.IsPunctuationAt(i, ";"))
        {
            (var name, i) = TableDesign.QualifiedName(tokens, i);
            table = StatementRewriter.Literal(name);
            if (tokens.IsPunctuationAt(i, "("))
            {
                var close = tokens.MatchingParen(i);
                if (close < 0) return false; // PostgreSQL reports the syntax error
                columns = "ARRAY[" + string.Join(", ", tokens.Arguments(i, close)
                    .Select(a => StatementRewriter.Literal(tokens[tokens.NextSignificant(a.Start)].Identifier))) + "]::text[]";
                i = tokens.NextSignificant(close + 1);
            }
        }
        if (tokens.IsWordAt(i, "comprows")) i = tokens.NextSignificant(tokens.NextSignificant(i + 1) + 1);
        if (i < tokens.Count && !tokens.IsPunctuationAt(i, ";"))
            throw DialectException.NotSupported($"ANALYZE COMPRESSION option '{tokens[i].Text}'", tokens[i]);
        var end = tokens.IsPunctuationAt(i, ";") ? i : tokens.Count;
        tokens.Replace(first, end, $"SELECT * FROM redshift.analyze_compression({table}, {columns})");
        return true;
    }

    private static void StripColumnsSuffix(TokenList tokens, int from)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if ((tokens.IsWordAt(i, "predicate") || tokens.IsWordAt(i, "all")) && tokens.IsWordAt(tokens.NextSignificant(i + 1), "columns"))
            {
                tokens.Remove(i, tokens.NextSignificant(i + 1) + 1);
                return;
            }
        }
    }
}
