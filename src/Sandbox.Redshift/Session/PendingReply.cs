using Sandbox.Redshift.Copy;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.S3;
using Sandbox.Redshift.Unload;

namespace Sandbox.Redshift.Session;

internal enum ReplyKind { Startup, SimpleQuery, Parse, Bind, Describe, Execute, Close, Sync, FunctionCall, Followup, Probe }

/// <summary>A prepared statement as the client wrote it, and what has to run after each successful execution.</summary>
internal sealed record PreparedStatement(string Sql, IReadOnlyList<string> Followups)
{
    /// <summary>A COPY from S3 the front feeds itself when the statement executes.</summary>
    public CopyPlan? Copy { get; init; }

    /// <summary>An UNLOAD whose rows the front writes to S3 when the statement executes.</summary>
    public UnloadCommand? Unload { get; init; }
}

/// <summary>
/// A reply the backend owes for one client message (or one hidden followup), in the order the backend
/// will answer: lets the backend relay attribute each backend message without parsing the stream twice.
/// </summary>
internal sealed class PendingReply(ReplyKind kind)
{
    public ReplyKind Kind => kind;

    /// <summary>Units end with ReadyForQuery; the others end with their own completion message or an error.</summary>
    public bool IsUnit => kind is ReplyKind.Startup or ReplyKind.SimpleQuery or ReplyKind.Sync or ReplyKind.Followup or ReplyKind.Probe;

    /// <summary>The statement log entry being measured (SimpleQuery, Execute).</summary>
    public StatementRun? Run { get; init; }

    /// <summary>
    /// Set when the rewriter refused the statement: the backend was sent a statement that fails at parse
    /// time (so it aborts the transaction and skips to Sync exactly as for any error) and its ErrorResponse
    /// is answered with this one instead.
    /// </summary>
    public DialectError? RewriteError { get; set; }

    /// <summary>A COPY the front feeds from S3: CopyInResponse is hidden and starts the feed.</summary>
    public CopyFeed? Feed { get; init; }

    /// <summary>An UNLOAD: PostgreSQL's COPY TO STDOUT is captured into S3 objects instead of reaching the client.</summary>
    public UnloadSink? Unload { get; init; }

    /// <summary>For Probe: the rows of a hidden catalog query, or null when it failed.</summary>
    public TaskCompletionSource<List<string?[]>?>? ProbeDone { get; init; }

    public List<string?[]> ProbeRows { get; } = [];

    /// <summary>For Execute: the statement whose followups run after the batch succeeded.</summary>
    public PreparedStatement? Statement { get; init; }

    /// <summary>For SimpleQuery: statements to run, hidden, after it succeeded.</summary>
    public IReadOnlyList<string> Followups { get; init; } = [];

    /// <summary>Set on units after which followups may run: the client relay waits on it before reading on.</summary>
    public TaskCompletionSource? Completed { get; init; }

    public bool Failed { get; set; }
}
