using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// SET / RESET / SHOW of Redshift-only session parameters (query_group, ...) map to custom
/// PostgreSQL settings redshift.&lt;name&gt;, so they keep their value for the session and the front
/// can read the query group for stl_query.label: current_setting('redshift.query_group', true).
/// </summary>
internal static class SessionSettings
{
    private static readonly HashSet<string> RedshiftOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "query_group", "enable_result_cache_for_session", "wlm_query_slot_count", "analyze_threshold_percent",
        "enable_case_sensitive_identifier", "json_parse_truncate_strings", "mv_enable_aqmv_for_session",
        "spectrum_query_maxerror", "describe_field_name_in_uppercase", "max_concurrency_scaling_clusters",
    };

    /// <returns>true when the statement is fully rewritten.</returns>
    public static bool Rewrite(TokenList tokens, int first)
    {
        var i = tokens.NextSignificant(first + 1);
        if (tokens[first].IsWord("set") && (tokens.IsWordAt(i, "session") || tokens.IsWordAt(i, "local")))
            i = tokens.NextSignificant(i + 1);
        if (i >= tokens.Count || tokens[i].Kind != TokenKind.Word || !RedshiftOnly.Contains(tokens[i].Text)) return false;
        var name = tokens[i].Text.ToLowerInvariant();

        if (tokens[first].IsWord("show"))
        {
            var end = tokens.NextSignificant(i + 1);
            tokens.Replace(first, end < tokens.Count ? end : tokens.Count,
                $"SELECT nullif(current_setting('redshift.{name}', true), '') AS {name}");
            return true;
        }
        if (name == "describe_field_name_in_uppercase" && tokens[first].IsWord("set"))
        {
            var value = tokens.NextSignificant(tokens.NextSignificant(i + 1) + 1);
            if (value < tokens.Count && (tokens[value].IsWord("on") || tokens[value].IsWord("true") || tokens[value].Text.Trim('\'') is "on" or "true"))
                throw DialectException.NotSupported("describe_field_name_in_uppercase = on", tokens[i]);
        }
        tokens.Replace(i, i + 1, $"redshift.{name}");
        return true;
    }
}
