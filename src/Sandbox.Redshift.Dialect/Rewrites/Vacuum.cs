using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [table [TO n PERCENT]] [BOOST]
/// becomes PostgreSQL's VACUUM [table]; the variants that sort record it (Followups) so
/// svv_table_info.unsorted drops to 0, and REINDEX rebuilds the table's indexes.
/// </summary>
internal static class Vacuum
{
    /// <summary>Options only PostgreSQL's VACUUM has: such a statement is PostgreSQL's and passes unchanged.</summary>
    private static readonly string[] PostgresOptions = ["analyze", "analyse", "verbose", "freeze"];

    public static void Rewrite(TokenList tokens, int first, List<string> followups)
    {
        var i = tokens.NextSignificant(first + 1);
        if (IsPostgresForm(tokens, i)) return;
        var variant = "FULL";
        if (tokens.IsWordAt(i, "full") || tokens.IsWordAt(i, "reindex") || tokens.IsWordAt(i, "recluster"))
        {
            variant = tokens[i].Text.ToUpperInvariant();
            i = tokens.NextSignificant(i + 1);
        }
        else if ((tokens.IsWordAt(i, "sort") || tokens.IsWordAt(i, "delete")) && tokens.IsWordAt(tokens.NextSignificant(i + 1), "only"))
        {
            variant = tokens[i].Text.ToUpperInvariant() + " ONLY";
            i = tokens.NextSignificant(tokens.NextSignificant(i + 1) + 1);
        }

        string? table = null;
        if (i < tokens.Count && !IsKeywordAfterTable(tokens, i) && !tokens.IsPunctuationAt(i, ";"))
        {
            (table, i) = TableDesign.QualifiedName(tokens, i);
        }
        if (tokens.IsWordAt(i, "to"))
        {
            var percent = tokens.NextSignificant(i + 1);
            var word = tokens.NextSignificant(percent + 1);
            if (percent >= tokens.Count || tokens[percent].Kind != TokenKind.Number || !tokens.IsWordAt(word, "percent"))
                throw new DialectException("42601", "VACUUM ... TO must be followed by a number and PERCENT (e.g. TO 75 PERCENT)", tokens[i]);
            if (!int.TryParse(tokens[percent].Text, out var value) || value is < 0 or > 100)
                throw new DialectException("22023", $"VACUUM threshold {tokens[percent].Text} is not an integer between 0 and 100 percent", tokens[percent]);
            i = tokens.NextSignificant(word + 1);
        }
        if (tokens.IsWordAt(i, "boost")) i = tokens.NextSignificant(i + 1);
        if (i < tokens.Count && !tokens.IsPunctuationAt(i, ";"))
            throw DialectException.NotSupported($"VACUUM option '{tokens[i].Text}'", tokens[i]);

        var end = tokens.IsPunctuationAt(i, ";") ? i : tokens.Count;
        tokens.Replace(first, end, table == null ? "VACUUM" : $"VACUUM {table}");
        if (variant == "REINDEX" && table != null) followups.Add($"REINDEX TABLE {table}");
        if (variant != "DELETE ONLY")
            followups.Add($"CALL redshift.record_vacuum({(table == null ? "NULL" : StatementRewriter.Literal(table) + "::regclass")})");
    }

    /// <summary>VACUUM (options) ..., VACUUM [FULL] ANALYZE|VERBOSE|FREEZE ... (what Sandbox's own maintenance sends).</summary>
    private static bool IsPostgresForm(TokenList tokens, int i)
    {
        if (tokens.IsPunctuationAt(i, "(")) return true;
        if (tokens.IsWordAt(i, "full")) i = tokens.NextSignificant(i + 1);
        return PostgresOptions.Any(o => tokens.IsWordAt(i, o));
    }

    private static bool IsKeywordAfterTable(TokenList tokens, int i) => tokens.IsWordAt(i, "to") || tokens.IsWordAt(i, "boost");
}
