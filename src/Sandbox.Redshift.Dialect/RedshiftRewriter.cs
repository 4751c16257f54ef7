using System.Text;
using Sandbox.Redshift.Dialect.Rewrites;
using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect;

/// <summary>
/// Rewrites Redshift SQL into PostgreSQL SQL over tokens (never regexes over raw text), statement
/// by statement. Malformed input is passed through unchanged so PostgreSQL reports it with its own
/// message and position; an unsupported Redshift construct becomes a DialectError naming it.
/// Thread-safe: holds no state.
/// </summary>
public sealed class RedshiftRewriter
{
    public RewriteResult Rewrite(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tokens = SqlTokenizer.Tokenize(sql);
        // An unterminated string, identifier, comment or dollar quote: nothing after it can be
        // trusted; PostgreSQL reports it with its own message and position.
        if (tokens.Any(t => t.Kind == TokenKind.Unterminated)) return new RewriteResult(sql, [], null);

        var output = new StringBuilder(sql.Length + 16);
        var followups = new List<string>();
        try
        {
            foreach (var statement in Statements(tokens))
            {
                var list = new TokenList(statement);
                StatementRewriter.Rewrite(list, followups);
                output.Append(list);
            }
        }
        catch (DialectException e)
        {
            return new RewriteResult(sql, [], new DialectError(e.SqlState, e.Message, e.At.Start + 1));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // A rewriter bug must not take the client's session down, nor send a half-rewritten statement.
            return new RewriteResult(sql, [], new DialectError("XX000",
                $"sandbox-redshift could not rewrite this statement ({e.GetType().Name}: {e.Message}); please report it with the statement", 1));
        }
        var rewritten = output.ToString();
        return new RewriteResult(rewritten == sql ? sql : rewritten, followups, null);
    }

    /// <summary>Statements split at top-level ';' (each keeps its ';' so the text round-trips).</summary>
    private static IEnumerable<List<Token>> Statements(List<Token> tokens)
    {
        var current = new List<Token>();
        foreach (var token in tokens)
        {
            current.Add(token);
            if (token.IsPunctuation(";"))
            {
                yield return current;
                current = [];
            }
        }
        if (current.Count > 0) yield return current;
    }
}
