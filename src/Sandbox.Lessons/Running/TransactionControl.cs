using System.Text.RegularExpressions;

namespace Sandbox.Lessons.Running;

/// <summary>
/// Finds statements that would end the lesson's own transaction (COMMIT in the middle of a learner's
/// SQL would make what follows permanent) or lift its limits (SET statement_timeout = 0). Comments and
/// quoted text are skipped.
/// </summary>
internal static partial class TransactionControl
{
    public static void Refuse(string sql)
    {
        var code = Strip().Replace(sql, " ");
        var match = Statement().Match(code);
        if (match.Success)
            throw new QueryFailedException(QueryProblem.TransactionControl,
                $"'{match.Groups["word"].Value.ToUpperInvariant()}' is not allowed in a lesson query");
        var setting = Limit().Match(code);
        if (setting.Success)
            throw new QueryFailedException(QueryProblem.TransactionControl,
                $"changing {setting.Groups["name"].Value.ToLowerInvariant()} is not allowed in a lesson query");
    }

    // Line comments, block comments, 'text' and "identifiers".
    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|""(?:[^""]|"""")*""", RegexOptions.Singleline)]
    private static partial Regex Strip();

    [GeneratedRegex(@"(?:^|;)\s*(?<word>begin|commit|rollback|end|abort|start\s+transaction|savepoint|release|prepare\s+transaction)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Statement();

    [GeneratedRegex(@"(?:^|;)\s*(?:set|reset)\s+(?:(?:session|local)\s+)?(?<name>statement_timeout|transaction|session\s+characteristics|default_transaction_read_only|transaction_read_only|role|session\s+authorization|all)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Limit();
}
