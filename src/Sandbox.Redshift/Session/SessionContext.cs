using Sandbox.Redshift.QueryLog;

namespace Sandbox.Redshift.Session;

/// <summary>What both relays of one client connection share.</summary>
internal sealed class SessionContext(string user, string database, IQueryLogSink log)
{
    private readonly Queue<PendingReply> _pending = new();

    public string User => user;
    public string Database => database;
    public int BackendPid { get; set; }

    /// <summary>The query group statements are labelled with (SET query_group); 'default' until set.</summary>
    public string Label { get; private set; } = QueryGroup.Default;

    /// <summary>A statement the client sent: measured under the current label, which it may change for the next ones.</summary>
    public StatementRun Run(string sql)
    {
        var run = new StatementRun(sql, Label);
        Label = QueryGroup.After(sql, Label);
        return run;
    }

    /// <summary>PostgreSQL sent CopyInResponse and the client has not finished or failed the COPY yet.</summary>
    public volatile bool CopyInProgress;

    public void Expect(PendingReply reply)
    {
        lock (_pending) _pending.Enqueue(reply);
    }

    public PendingReply? Peek()
    {
        lock (_pending) return _pending.TryPeek(out var reply) ? reply : null;
    }

    public PendingReply? Dequeue()
    {
        lock (_pending) return _pending.TryDequeue(out var reply) ? reply : null;
    }

    public void Finish(StatementRun? run, bool aborted)
    {
        if (run == null) return;
        log.Record(new QueryLogEntry(user, BackendPid, database, run.Sql, run.Start, DateTime.UtcNow, run.Rows, aborted, run.Label));
    }

    /// <summary>The connection is gone: statements still running are logged as aborted, waiters released.</summary>
    public void Abandon()
    {
        while (Dequeue() is { } reply)
        {
            Finish(reply.Run, aborted: true);
            reply.Completed?.TrySetCanceled();
            reply.Feed?.OnFailed();
            reply.ProbeDone?.TrySetResult(null);
            reply.Unload?.Dispose();
        }
    }
}
