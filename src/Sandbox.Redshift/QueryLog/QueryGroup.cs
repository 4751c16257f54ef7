using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.QueryLog;

/// <summary>
/// The session's query group, for stl_query.label: followed from the SET / RESET query_group statements
/// the client sends (Redshift's label is the query group, else 'default'). Read from the statement text
/// so that no extra round trip is needed per statement.
/// </summary>
internal static class QueryGroup
{
    public const string Default = "default";

    /// <returns>The label after <paramref name="sql"/> ran, or <paramref name="current"/> when it does not touch query_group.</returns>
    public static string After(string sql, string current)
    {
        if (sql.IndexOf("query_group", StringComparison.OrdinalIgnoreCase) < 0 && sql.IndexOf("reset", StringComparison.OrdinalIgnoreCase) < 0)
            return current;
        var tokens = SqlTokenizer.Tokenize(sql).Where(t => !t.IsTrivia).ToList();
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !tokens[i].IsPunctuation(";")) continue;
            current = Statement(tokens.GetRange(start, i - start), current);
            start = i + 1;
        }
        return current;
    }

    private static string Statement(List<Token> s, string current)
    {
        if (s.Count >= 2 && s[0].IsWord("reset") && (s[1].IsWord("all") || s[1].IsWord("query_group"))) return Default;
        if (s.Count < 3 || !s[0].IsWord("set")) return current;
        var i = s[1].IsWord("session") ? 2 : 1; // SET LOCAL lasts a transaction only: not followed
        if (s[1].IsWord("local") || i + 2 > s.Count || !s[i].IsWord("query_group")) return current;
        if (!(s[i + 1].IsWord("to") || s[i + 1].IsPunctuation("="))) return current;
        if (i + 2 >= s.Count) return current;
        var value = s[i + 2];
        if (value.IsWord("default")) return Default;
        return value.Kind == TokenKind.String ? value.Text[1..^1].Replace("''", "'") : value.Text;
    }
}
