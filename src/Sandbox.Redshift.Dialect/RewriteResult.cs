namespace Sandbox.Redshift.Dialect;

/// <summary>
/// What to send to PostgreSQL for one Redshift statement.
/// </summary>
/// <param name="Sql">The PostgreSQL text to run instead of the input (equal to it when nothing needed rewriting).</param>
/// <param name="Followups">Statements to run on the same connection after <paramref name="Sql"/> succeeded; their results are not for the client.</param>
/// <param name="Error">Non-null when the input uses a construct Sandbox does not support: answer with it and send nothing.</param>
public sealed record RewriteResult(string Sql, IReadOnlyList<string> Followups, DialectError? Error);

/// <summary>A Redshift-shaped error naming the unsupported construct.</summary>
/// <param name="Position">1-based character position of the construct in the original text.</param>
public sealed record DialectError(string SqlState, string Message, int Position);
