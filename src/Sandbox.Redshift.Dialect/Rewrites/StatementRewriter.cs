using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>Runs the rewrites on one statement: statement-level ones by leading keyword, then TOP and expressions.</summary>
internal static class StatementRewriter
{
    public static void Rewrite(TokenList tokens, List<string> followups)
    {
        var first = tokens.NextSignificant(0);
        if (first == tokens.Count) return;
        UnsupportedConstructs.Check(tokens, first);

        var leading = tokens[first];
        if (leading.IsWord("vacuum"))
        {
            Vacuum.Rewrite(tokens, first, followups);
            return;
        }
        if (leading.IsWord("analyze") && Analyze.Rewrite(tokens, first)) return;
        if ((leading.IsWord("set") || leading.IsWord("reset") || leading.IsWord("show")) && SessionSettings.Rewrite(tokens, first)) return;
        if (leading.IsWord("create"))
        {
            TableDesign.Rewrite(tokens, first, followups);
            LateBindingView.Rewrite(tokens, first);
        }
        if (leading.IsWord("alter")) TableDesign.RejectAlterations(tokens, first);

        Top.Rewrite(tokens);
        Expressions.Rewrite(tokens);
    }

    /// <summary>A SQL string literal holding <paramref name="text"/>.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    public static string LiteralOrNull(string? text) => text == null ? "NULL" : Literal(text);
}
