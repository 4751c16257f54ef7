using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>SELECT [ALL|DISTINCT] TOP n ... becomes SELECT ... LIMIT n at the end of that SELECT's own scope.</summary>
internal static class Top
{
    private static readonly string[] SetOperators = ["union", "intersect", "except", "minus"];

    public static void Rewrite(TokenList tokens)
    {
        for (var select = 0; select < tokens.Count; select++)
        {
            if (!tokens.IsWordAt(select, "select")) continue;
            var top = tokens.NextSignificant(select + 1);
            if (tokens.IsWordAt(top, "all") || tokens.IsWordAt(top, "distinct")) top = tokens.NextSignificant(top + 1);
            var count = tokens.NextSignificant(top + 1);
            if (!tokens.IsWordAt(top, "top") || count >= tokens.Count || tokens[count].Kind != TokenKind.Number) continue;

            var last = LastOfScope(tokens, select, tokens[top]);
            var limit = tokens[count].Text;
            tokens.Insert(last + 1, $" LIMIT {limit}", tokens[top].Start);
            tokens.Remove(top, count + 1);
        }
    }

    /// <summary>The last significant token of the SELECT starting at <paramref name="select"/> (before a closing paren or ';').</summary>
    private static int LastOfScope(TokenList tokens, int select, Token top)
    {
        var depth = 0;
        var last = select;
        for (var i = select + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsTrivia) continue;
            if (token.IsPunctuation("(")) depth++;
            else if (token.IsPunctuation(")") && depth-- == 0) break;
            else if (token.IsPunctuation(";") && depth == 0) break;
            else if (depth == 0 && SetOperators.Any(token.IsWord))
                throw DialectException.NotSupported($"TOP in a query combined with {token.Text.ToUpperInvariant()} (put the TOP query in parentheses)", top);
            else if (depth == 0 && (token.IsWord("limit") || token.IsWord("fetch")))
                throw DialectException.NotSupported($"TOP together with {token.Text.ToUpperInvariant()}", top);
            last = i;
        }
        return last;
    }
}
