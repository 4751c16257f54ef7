namespace Sandbox.Redshift.Session;

/// <summary>A statement between the client's request and its completion: what the query log records.</summary>
internal sealed class StatementRun(string sql)
{
    public string Sql { get; } = sql;
    public DateTime Start { get; } = DateTime.UtcNow;
    public long Rows { get; set; }
}
