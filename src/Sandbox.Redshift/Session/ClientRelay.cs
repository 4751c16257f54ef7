using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.Protocol;
using Sandbox.Redshift.Copy;
using Sandbox.Redshift.Rewriting;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Session;

/// <summary>
/// Client -> PostgreSQL. The SQL of Query and Parse goes through the rewriter; Bind/Execute/Describe/
/// Close/Sync are read only for their names and queued as replies owed; everything else (CopyData,
/// password messages...) is relayed by reference as it arrives.
/// </summary>
internal sealed partial class ClientRelay(PipeReader client, Socket backend, SessionContext session, IStatementRewriter rewriter,
    S3Store s3, LoadLog loads)
{
    /// <summary>Sent instead of a statement the rewriter refused: fails at parse time, touches nothing.</summary>
    internal const string RefusedStatement = "sandbox_redshift_refused_statement";

    private readonly OutboundBatch _toBackend = new(backend);
    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PreparedStatement> _portals = new(StringComparer.Ordinal);
    private bool _batchHasFollowups;
    private long _passthroughRemaining;

    /// <summary>Relays until the client terminates or goes away; then leaves the backend as a crash would, minus any partial load.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var read = await client.ReadAsync(cancellationToken);
                var buffer = read.Buffer;
                var (consumed, terminated) = await RelayAsync(buffer, cancellationToken);
                await _toBackend.FlushAsync(cancellationToken);
                client.AdvanceTo(consumed, buffer.End);
                if (terminated) return;
                if (read.IsCompleted) break;
            }
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            // the client vanished: same handling as a clean EOF
        }
        await AbandonBackendAsync();
    }

    /// <summary>
    /// The client left without Terminate. Mid-COPY the backend is told the COPY failed, so its transaction
    /// aborts and no row of it stays; halfway through a relayed message only closing the socket is safe
    /// (PostgreSQL then aborts on the unexpected EOF).
    /// </summary>
    private async Task AbandonBackendAsync()
    {
        if (_passthroughRemaining > 0) return;
        try
        {
            if (session.CopyInProgress) _toBackend.Add(MessageWriter.CopyFail("the client closed the connection during COPY"));
            _toBackend.Add(MessageWriter.Terminate);
            await _toBackend.FlushAsync(CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            // the backend is gone too
        }
    }

    private async ValueTask<(SequencePosition Consumed, bool Terminated)> RelayAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_passthroughRemaining > 0)
            {
                if (buffer.IsEmpty) return (buffer.Start, false);
                var piece = buffer.Slice(0, Math.Min(_passthroughRemaining, buffer.Length));
                _toBackend.Add(piece);
                _passthroughRemaining -= piece.Length;
                buffer = buffer.Slice(piece.End);
                continue;
            }
            if (!MessageHeader.TryRead(buffer, out var header)) return (buffer.Start, false);
            if (!NeedsBody(header.Code))
            {
                OnHeader(header.Code);
                _passthroughRemaining = header.WireSize; // relayed as it arrives, header and body alike
                continue;
            }
            if (buffer.Length < header.WireSize) return (buffer.Start, false);
            var message = buffer.Slice(0, header.WireSize);
            var waitFor = Handle(header.Code, message);
            buffer = buffer.Slice(message.End);
            if (header.Code == FrontendCode.Terminate) return (buffer.Start, true);
            if (_job is { } job)
            {
                _job = null;
                await _toBackend.FlushAsync(cancellationToken);
                await job(cancellationToken);
                await _toBackend.FlushAsync(cancellationToken);
            }
            if (waitFor != null)
            {
                // Followups run right after this unit, before anything else the client sent.
                await _toBackend.FlushAsync(cancellationToken);
                await waitFor.Task.WaitAsync(cancellationToken);
            }
        }
    }

    private static bool NeedsBody(byte code) => code is FrontendCode.Query or FrontendCode.Parse or FrontendCode.Bind
        or FrontendCode.Execute or FrontendCode.Close or FrontendCode.Sync or FrontendCode.Terminate;

    private void OnHeader(byte code)
    {
        switch (code)
        {
            case FrontendCode.Describe: _unsynced = true; session.Expect(new PendingReply(ReplyKind.Describe)); break;
            case FrontendCode.FunctionCall: session.Expect(new PendingReply(ReplyKind.FunctionCall)); break;
            case FrontendCode.CopyDone or FrontendCode.CopyFail: session.CopyInProgress = false; break;
        }
    }

    /// <returns>A task to wait for before reading on, when followups may run after this message.</returns>
    private TaskCompletionSource? Handle(byte code, in ReadOnlySequence<byte> message)
    {
        var body = message.Slice(MessageHeader.Size);
        _batchOpen = _unsynced;
        _unsynced = code is FrontendCode.Parse or FrontendCode.Bind or FrontendCode.Execute or FrontendCode.Close || (_unsynced && code != FrontendCode.Sync);
        switch (code)
        {
            case FrontendCode.Query: return OnQuery(message, FrontendMessages.ReadQuery(body));
            case FrontendCode.Parse: OnParse(message, FrontendMessages.ReadParse(body)); return null;
            case FrontendCode.Bind:
                var (portal, statement) = FrontendMessages.ReadBind(body);
                _portals[portal] = _statements.GetValueOrDefault(statement) ?? new PreparedStatement("", []);
                session.Expect(new PendingReply(ReplyKind.Bind));
                break;
            case FrontendCode.Execute:
                var prepared = _portals.GetValueOrDefault(FrontendMessages.ReadExecutePortal(body));
                if (OnS3Execute(prepared, message)) return null;
                _batchHasFollowups |= prepared is { Followups.Count: > 0 };
                session.Expect(new PendingReply(ReplyKind.Execute) { Run = session.Run(prepared?.Sql ?? ""), Statement = prepared });
                break;
            case FrontendCode.Close:
                var (target, name) = FrontendMessages.ReadTarget(body);
                (target == (byte)'S' ? _statements : _portals).Remove(name);
                session.Expect(new PendingReply(ReplyKind.Close));
                break;
            case FrontendCode.Sync:
                var completed = _batchHasFollowups ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
                _batchHasFollowups = false;
                session.Expect(new PendingReply(ReplyKind.Sync) { Completed = completed });
                _toBackend.Add(message);
                return completed;
        }
        _toBackend.Add(message);
        return null;
    }

    private TaskCompletionSource? OnQuery(in ReadOnlySequence<byte> message, string sql)
    {
        var run = session.Run(sql);
        if (S3StatementParser.TryParse(sql) is { } s3Statement)
        {
            OnS3Query(s3Statement, run);
            return null;
        }
        var result = rewriter.Rewrite(sql);
        if (result.Error is { } error)
        {
            Refuse(run, error);
            return null;
        }
        var completed = result.Followups.Count > 0 ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        session.Expect(new PendingReply(ReplyKind.SimpleQuery) { Run = run, Followups = result.Followups, Completed = completed });
        AddStatement(message, sql, result, MessageWriter.Query);
        return completed;
    }

    private void OnParse(in ReadOnlySequence<byte> message, ParseMessage parse)
    {
        if (S3StatementParser.TryParse(parse.Sql) is { } s3Statement)
        {
            OnS3Parse(s3Statement, parse);
            return;
        }
        var result = rewriter.Rewrite(parse.Sql);
        _statements[parse.Statement] = new PreparedStatement(parse.Sql, result.Error == null ? result.Followups : []);
        session.Expect(new PendingReply(ReplyKind.Parse) { RewriteError = result.Error });
        var types = parse.ParameterTypes;
        var name = parse.Statement;
        if (result.Error != null) _toBackend.Add(MessageWriter.Parse(name, RefusedStatement, types));
        else AddStatement(message, parse.Sql, result, sql => MessageWriter.Parse(name, sql, types));
    }

    // The common case, SQL the rewriter leaves alone, relays the client's bytes as they are.
    private void AddStatement(in ReadOnlySequence<byte> original, string sql, RewriteResult result, Func<string, byte[]> encode)
    {
        if (string.Equals(result.Sql, sql, StringComparison.Ordinal)) _toBackend.Add(original);
        else _toBackend.Add(encode(result.Sql));
    }
}
