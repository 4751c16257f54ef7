namespace Sandbox.Redshift.Session;

/// <summary>A statement between the client's request and its completion: what the query log records.</summary>
internal sealed class StatementRun(string sql, string label)
{
    public string Sql { get; } = sql;

    /// <summary>The session's query group when the statement was sent (stl_query.label).</summary>
    public string Label { get; } = label;
    public DateTime Start { get; } = DateTime.UtcNow;
    public long Rows { get; set; }
}
