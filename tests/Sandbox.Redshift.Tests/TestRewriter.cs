using System.Text.RegularExpressions;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.Rewriting;

namespace Sandbox.Redshift.Tests;

/// <summary>
/// A rewriter with visible effects, to test the front's side of the contract without the dialect:
/// `getdate()` becomes `localtimestamp`, the word `refuse_me` is refused at its position, and each
/// `/*followup:SQL*/` comment becomes a followup statement.
/// </summary>
internal sealed partial class TestRewriter : IStatementRewriter
{
    public const string RefusedWord = "refuse_me";

    public RewriteResult Rewrite(string sql)
    {
        var refused = sql.IndexOf(RefusedWord, StringComparison.OrdinalIgnoreCase);
        if (refused >= 0) return new RewriteResult(sql, [], new DialectError("0A000", $"{RefusedWord} is not supported", refused + 1));
        var followups = Followup().Matches(sql).Select(match => match.Groups[1].Value).ToList();
        return new RewriteResult(sql.Replace("getdate()", "localtimestamp", StringComparison.OrdinalIgnoreCase), followups, null);
    }

    [GeneratedRegex(@"/\*followup:(.*?)\*/", RegexOptions.Singleline)]
    private static partial Regex Followup();
}
