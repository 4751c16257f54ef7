namespace Sandbox.Redshift.QueryLog;

/// <summary>One statement run through the front: a row of redshift.query_log (times are UTC).</summary>
public sealed record QueryLogEntry(
    string Username, int Pid, string Database, string QueryText,
    DateTime StartTime, DateTime EndTime, long Rows, bool Aborted, string Label = "default");

/// <summary>Where the front records statements; must not block (called on the relay's hot path).</summary>
public interface IQueryLogSink
{
    void Record(QueryLogEntry entry);
}
