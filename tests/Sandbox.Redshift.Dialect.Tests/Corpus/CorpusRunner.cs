using System.Text.RegularExpressions;
using Sandbox.Testing;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

/// <summary>
/// Runs a case as sandbox-redshift would: rewrite, answer a DialectError, or run Sql and then the
/// Followups on the same session (psql -c ... -c ...), comparing psql's unaligned output. With
/// <paramref name="throughEndpoint"/> psql is pointed at a running sandbox-redshift instead and sent the
/// statement unchanged: the front rewrites it and runs the followups.
/// </summary>
public sealed partial class CorpusRunner(string psqlConnection, bool throughEndpoint = false)
{
    private static readonly RedshiftRewriter Rewriter = new();

    /// <returns>null when the case passed, else what went wrong.</returns>
    public async Task<string?> RunAsync(CorpusCase corpusCase)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(corpusCase.Eventually ? 5 : 0);
        while (true)
        {
            var failure = await RunOnceAsync(corpusCase);
            if (failure == null || DateTime.UtcNow >= deadline) return failure;
            await Task.Delay(200); // statistics of the sessions before are flushed when they end
        }
    }

    private async Task<string?> RunOnceAsync(CorpusCase c)
    {
        var rewrite = throughEndpoint ? new RewriteResult(c.Sql, [], null) : Rewriter.Rewrite(c.Sql);
        if (rewrite.Error != null)
            return c.Expectation == Expectation.Error && c.ErrorState == rewrite.Error.SqlState
                ? null
                : $"{c}: the rewriter refused it ({rewrite.Error}) but the case expects {Expected(c)}";

        var arguments = new List<string> { "-X", "-q", "-A", "-t", "-F", "|", "-P", "null=NULL", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose", "-d", psqlConnection, "-c", rewrite.Sql };
        foreach (var followup in rewrite.Followups) arguments.AddRange(["-c", followup]);
        var result = await ProcessRunner.RunAsync("psql", arguments, timeout: TimeSpan.FromSeconds(30));
        var sent = rewrite.Followups.Count == 0 ? rewrite.Sql : $"{rewrite.Sql}\n  followups: {string.Join("\n  ", rewrite.Followups)}";

        if (result.ExitCode != 0)
        {
            var state = SqlState().Match(result.StandardError) is { Success: true } m ? m.Groups[1].Value : null;
            return c.Expectation == Expectation.Error && state == c.ErrorState
                ? null
                : $"{c}: PostgreSQL failed ({result.StandardError.Trim()}) but the case expects {Expected(c)}\n  sent: {sent}";
        }
        if (c.Expectation == Expectation.Error) return $"{c}: succeeded but the case expects error {c.ErrorState}\n  sent: {sent}";
        if (c.Expectation == Expectation.Ok) return null;

        var rows = result.StandardOutput.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (rows.Count > 0 && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
        return rows.SequenceEqual(c.Rows)
            ? null
            : $"{c}: expected\n    {string.Join("\n    ", c.Rows)}\n  got\n    {string.Join("\n    ", rows)}\n  sent: {sent}";
    }

    private static string Expected(CorpusCase c) => c.Expectation switch
    {
        Expectation.Error => $"error {c.ErrorState}",
        Expectation.Ok => "success",
        _ => $"rows [{string.Join(", ", c.Rows)}]",
    };

    [GeneratedRegex(@"ERROR:\s+([0-9A-Z]{5}):")]
    private static partial Regex SqlState();
}
