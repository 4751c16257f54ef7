using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// CREATE [OR REPLACE] VIEW ... WITH NO SCHEMA BINDING: Redshift's late-binding view. PostgreSQL
/// binds the view when it is created, so the suffix goes; querying it gives the same rows, but the
/// tables it names must exist at CREATE time (README: differences).
/// </summary>
internal static class LateBindingView
{
    public static void Rewrite(TokenList tokens, int first)
    {
        var i = tokens.NextSignificant(first + 1);
        if (tokens.IsWordAt(i, "or")) i = tokens.NextSignificant(tokens.NextSignificant(i + 1) + 1);
        if (!tokens.IsWordAt(i, "view")) return;
        var depth = 0;
        for (var j = i; j < tokens.Count; j++)
        {
            if (tokens[j].IsPunctuation("(")) depth++;
            else if (tokens[j].IsPunctuation(")")) depth--;
            if (depth != 0 || !tokens.IsWordAt(j, "with")) continue;
            var no = tokens.NextSignificant(j + 1);
            var schema = tokens.NextSignificant(no + 1);
            var binding = tokens.NextSignificant(schema + 1);
            if (tokens.IsWordAt(no, "no") && tokens.IsWordAt(schema, "schema") && tokens.IsWordAt(binding, "binding"))
            {
                tokens.Remove(j, binding + 1);
                return;
            }
        }
    }
}
