using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>Redshift constructs Sandbox does not emulate: refused by name instead of failing obscurely or differing silently.</summary>
internal static class UnsupportedConstructs
{
    private static readonly string[] CreateOnlyInRedshift = ["external", "library", "model", "datashare"];

    private static readonly string[] ClausesOnlyInRedshift = ["pivot", "unpivot", "qualify"];

    public static void Check(TokenList tokens, int first)
    {
        var second = tokens.NextSignificant(first + 1);
        if ((tokens[first].IsWord("create") || tokens[first].IsWord("alter") || tokens[first].IsWord("drop"))
            && second < tokens.Count && CreateOnlyInRedshift.Any(tokens[second].IsWord))
        {
            var third = tokens.NextSignificant(second + 1);
            var what = tokens[second].IsWord("external") && third < tokens.Count ? $" {tokens[third].Text.ToUpperInvariant()}" : "";
            throw DialectException.NotSupported($"{tokens[first].Text.ToUpperInvariant()} {tokens[second].Text.ToUpperInvariant()}{what}", tokens[first]);
        }
        for (var i = first; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Word || !ClausesOnlyInRedshift.Any(token.IsWord)) continue;
            if (tokens.IsPunctuationAt(tokens.PreviousSignificant(i), ".")) continue;
            if (!token.IsWord("qualify") && !tokens.IsPunctuationAt(tokens.NextSignificant(i + 1), "(")) continue; // a column named pivot
            throw DialectException.NotSupported(token.Text.ToUpperInvariant(), token);
        }
    }
}
