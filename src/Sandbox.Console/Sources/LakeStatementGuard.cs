using System.Text.RegularExpressions;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Sources;

/// <summary>
/// DuckDB has no read-only transaction for files: the lake takes exactly one reading statement
/// (SELECT, WITH, FROM, VALUES, TABLE, PIVOT, UNPIVOT, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN), so COPY,
/// EXPORT, ATTACH, SET or a second statement never reach it. File access beyond the lake's own cache
/// is switched off in the session as well (<see cref="LakeRunner"/>).
/// </summary>
public static partial class LakeStatementGuard
{
    public static void Check(string sql)
    {
        var code = Code(sql).Trim();
        var semicolon = code.TrimEnd(';', ' ', '\t', '\r', '\n').IndexOf(';');
        if (semicolon >= 0) throw new QueryInputException("the lake runs one statement at a time: remove the ';' and what follows it");
        var first = FirstWord().Match(code);
        if (!first.Success || !Reading().IsMatch(first.Value))
            throw new QueryInputException(
                $"the lake only reads: '{(first.Success ? first.Value : code)}' is not allowed (start with SELECT, WITH, FROM, VALUES, DESCRIBE, SUMMARIZE, SHOW or EXPLAIN)");
    }

    /// <summary>The text without comments, string literals and quoted names (so their ';' and words do not count).</summary>
    private static string Code(string sql) => NotCode().Replace(sql, " ");

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|""(?:[^""]|"""")*""", RegexOptions.Singleline)]
    private static partial Regex NotCode();

    [GeneratedRegex(@"^\(*\s*[A-Za-z]+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^\(*\s*(select|with|from|values|table|pivot|unpivot|describe|summarize|show|explain)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reading();
}
