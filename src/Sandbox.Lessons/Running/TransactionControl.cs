using System.Text.RegularExpressions;

namespace Sandbox.Lessons.Running;

/// <summary>
/// Finds statements that would end the lesson's own transaction (COMMIT in the middle of a learner's
/// SQL would make what follows permanent). Comments and quoted text are skipped.
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
    }

    // Line comments, block comments, 'text' and "identifiers".
    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|""(?:[^""]|"""")*""", RegexOptions.Singleline)]
    private static partial Regex Strip();

    [GeneratedRegex(@"(?:^|;)\s*(?<word>begin|commit|rollback|end|abort|start\s+transaction|savepoint|release|prepare\s+transaction)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Statement();
}
