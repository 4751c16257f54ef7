namespace Sandbox.Redshift.Dialect;

// PLACEHOLDER (branch h/redshift-wire): the contract's public types with an identity rewriter, so the
// wire front builds and runs before the real dialect library exists. Replaced wholesale at merge by
// the redshift-dialect branch; nothing in the front depends on more than these three types.

public sealed class RedshiftRewriter
{
    public RewriteResult Rewrite(string sql) => new(sql, [], null);
}

public sealed record RewriteResult(string Sql, IReadOnlyList<string> Followups, DialectError? Error);

public sealed record DialectError(string SqlState, string Message, int Position);
