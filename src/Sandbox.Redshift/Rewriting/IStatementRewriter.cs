using Sandbox.Redshift.Dialect;

namespace Sandbox.Redshift.Rewriting;

/// <summary>Turns the SQL text of a Query or Parse message into what PostgreSQL is sent (and what runs after it).</summary>
public interface IStatementRewriter
{
    RewriteResult Rewrite(string sql);
}

/// <summary>The Redshift dialect (Sandbox.Redshift.Dialect) as the front's rewriter.</summary>
public sealed class DialectStatementRewriter(RedshiftRewriter dialect) : IStatementRewriter
{
    public DialectStatementRewriter() : this(new RedshiftRewriter()) { }

    public RewriteResult Rewrite(string sql) => dialect.Rewrite(sql);
}
