using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using Sandbox.Redshift.Protocol;
using Sandbox.Redshift.Unload;

namespace Sandbox.Redshift.Session;

/// <summary>
/// PostgreSQL -> client. Only message headers are looked at, except the few messages whose content
/// matters (BackendKeyData, CommandComplete, ErrorResponse, ReadyForQuery); everything else, DataRow
/// and CopyData above all, is relayed by reference from the read buffer, in pieces as it arrives.
/// Matches each reply to the <see cref="PendingReply"/> the client relay queued, for the statement
/// log, for rewrite errors and for hiding the followups' results.
/// </summary>
internal sealed class BackendRelay(PipeReader backend, Socket backendSocket, Socket client, SessionContext session)
{
    private readonly OutboundBatch _toClient = new(client);
    private readonly OutboundBatch _toBackend = new(backendSocket);
    private readonly FollowupState _followups = new();
    private readonly List<string> _batchFollowups = [];
    private bool _batchFailed;
    private long _passthroughRemaining; // bytes of the current relayed message still to come
    private bool _passthroughHidden;    // ...and whether they belong to a hidden followup
    private PendingReply? _probe;       // a hidden catalog probe whose DataRows are being read
    private UnloadSink? _unload;        // an UNLOAD whose CopyData goes to S3 objects

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await backend.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var consumed = await RelayAsync(buffer, cancellationToken);
            await _toClient.FlushAsync(cancellationToken);
            await _toBackend.FlushAsync(cancellationToken);
            backend.AdvanceTo(consumed, buffer.End);
            if (read.IsCompleted) return;
        }
    }

    private async ValueTask<SequencePosition> RelayAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_passthroughRemaining > 0)
            {
                if (buffer.IsEmpty) return buffer.Start;
                var piece = buffer.Slice(0, Math.Min(_passthroughRemaining, buffer.Length));
                if (!_passthroughHidden) _toClient.Add(piece);
                _passthroughRemaining -= piece.Length;
                buffer = buffer.Slice(piece.End);
                continue;
            }
            if (!MessageHeader.TryRead(buffer, out var header)) return buffer.Start;
            if (NeedsBody(header.Code) || (header.Code == BackendCode.DataRow && _probe != null)
                || (header.Code == BackendCode.CopyData && _unload != null))
            {
                if (buffer.Length < header.WireSize) return buffer.Start;
                var message = buffer.Slice(0, header.WireSize);
                await HandleAsync(header, message, cancellationToken);
                buffer = buffer.Slice(message.End);
                continue;
            }
            var hidden = header.Code is not (BackendCode.DataRow or BackendCode.CopyData) && Attribute(header.Code);
            _passthroughHidden = _followups.Active || hidden;
            _passthroughRemaining = header.WireSize; // relayed as it arrives, header and body alike
        }
    }

    private static bool NeedsBody(byte code) => code is BackendCode.BackendKeyData or BackendCode.CommandComplete
        or BackendCode.ErrorResponse or BackendCode.ReadyForQuery;

    /// <summary>Completion messages known from their header alone: they end the reply at the head of the queue.</summary>
    /// <returns>True when the message is the front's own business (a probe's, a fed COPY's, an UNLOAD's), hidden from the client.</returns>
    private bool Attribute(byte code)
    {
        var head = session.Peek();
        if (head?.Kind == ReplyKind.Probe)
        {
            if (code == BackendCode.RowDescription) _probe = head;
            return true;
        }
        switch (code)
        {
            case BackendCode.CopyInResponse when head?.Feed is { } feed:
                session.CopyInProgress = true;
                feed.OnCopyIn();
                return true;
            case BackendCode.CopyOutResponse when head?.Unload is { } sink:
                _unload = sink;
                return true;
            case BackendCode.CopyDone when _unload != null:
                return true;
        }
        switch (code)
        {
            case BackendCode.ParseComplete when head?.Kind == ReplyKind.Parse:
            case BackendCode.BindComplete when head?.Kind == ReplyKind.Bind:
            case BackendCode.CloseComplete when head?.Kind == ReplyKind.Close:
            case BackendCode.FunctionCallResponse when head?.Kind == ReplyKind.FunctionCall:
            case BackendCode.RowDescription or BackendCode.NoData when head?.Kind == ReplyKind.Describe:
                session.Dequeue();
                break;
            case BackendCode.EmptyQueryResponse or BackendCode.PortalSuspended when head?.Kind == ReplyKind.Execute:
                session.Dequeue();
                session.Finish(head.Run, aborted: false);
                break;
            case BackendCode.CopyInResponse:
                session.CopyInProgress = true;
                break;
        }
        return false;
    }

    private async ValueTask HandleAsync(MessageHeader header, ReadOnlySequence<byte> message, CancellationToken cancellationToken)
    {
        var body = message.Slice(MessageHeader.Size);
        switch (header.Code)
        {
            case BackendCode.BackendKeyData:
                session.BackendPid = ReadInt32(body);
                _toClient.Add(message);
                break;
            case BackendCode.DataRow:
                _probe!.ProbeRows.Add(DataRows.Read(body));
                break;
            case BackendCode.CopyData:
                _unload!.Write(body);
                break;
            case BackendCode.CommandComplete:
                var completing = session.Peek();
                var reply = await CompleteFrontWorkAsync(completing, message);
                OnCommandComplete(body);
                if (!_followups.Active && completing?.Kind != ReplyKind.Probe) _toClient.Add(reply);
                break;
            case BackendCode.ErrorResponse:
                OnError(message);
                break;
            case BackendCode.ReadyForQuery:
                await OnReadyForQueryAsync(message, cancellationToken);
                break;
        }
    }

    private void OnCommandComplete(in ReadOnlySequence<byte> body)
    {
        var head = session.Peek();
        if (head?.Kind == ReplyKind.SimpleQuery && head.Run != null)
        {
            head.Run.Rows += CommandTag.RowCount(body);
        }
        else if (head?.Kind == ReplyKind.Execute)
        {
            session.Dequeue();
            if (head.Run != null) head.Run.Rows = CommandTag.RowCount(body);
            session.Finish(head.Run, aborted: false);
            if (head.Statement is { Followups.Count: > 0 } statement) _batchFollowups.AddRange(statement.Followups);
        }
    }

    /// <summary>
    /// Before a fed COPY's or an UNLOAD's CommandComplete reaches the client, the front's part is finished:
    /// the load recorded in stl_load_commits, the UNLOAD's files put in S3 (its failure replaces the reply).
    /// </summary>
    private async ValueTask<ReadOnlySequence<byte>> CompleteFrontWorkAsync(PendingReply? head, ReadOnlySequence<byte> message)
    {
        if (head?.Feed is { } feed) await feed.OnSucceededAsync();
        if (head?.Unload is not { } sink) return message;
        _unload = null;
        try
        {
            var rows = await sink.UploadAsync(CancellationToken.None);
            return new ReadOnlySequence<byte>(MessageWriter.CommandComplete($"UNLOAD {rows}"));
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException)
        {
            return new ReadOnlySequence<byte>(MessageWriter.ErrorResponse("ERROR", "XX000", $"UNLOAD could not write to S3 at {sink.Prefix}: {e.Message}"));
        }
        finally
        {
            sink.Dispose();
        }
    }

    private void OnError(in ReadOnlySequence<byte> message)
    {
        var head = session.Peek();
        if (head == null)
        {
            _toClient.Add(message); // not owed to a request (e.g. the server shutting down): relay as it is
            return;
        }
        if (head.Kind == ReplyKind.Probe)
        {
            head.Failed = true;
            return;
        }
        head.Feed?.OnFailed();
        if (head.Unload is { } unload)
        {
            unload.Dispose();
            _unload = null;
        }
        if (head.Kind == ReplyKind.Followup)
        {
            _followups.Error = message.ToArray();
            return;
        }
        // In extended query mode PostgreSQL now skips to the next Sync: the replies queued up to it are
        // dropped at ReadyForQuery. The one at the head is the message that failed.
        if (!head.IsUnit)
        {
            session.Dequeue();
            session.Finish(head.Run, aborted: true);
        }
        head.Failed = true;
        _batchFailed = true;
        if (head.RewriteError is { } error)
            _toClient.Add(MessageWriter.ErrorResponse("ERROR", error.SqlState, error.Message, error.Position));
        else
            _toClient.Add(message);
    }

    private async ValueTask OnReadyForQueryAsync(ReadOnlySequence<byte> message, CancellationToken cancellationToken)
    {
        session.CopyInProgress = false;
        var unit = DequeueUnit();
        if (unit?.Kind == ReplyKind.Probe)
        {
            _probe = null;
            unit.ProbeDone!.TrySetResult(unit.Failed ? null : unit.ProbeRows);
            return;
        }
        if (unit?.Kind == ReplyKind.Followup)
        {
            await OnFollowupDoneAsync(message, cancellationToken);
            return;
        }
        IReadOnlyList<string> followups = [];
        if (unit?.Kind == ReplyKind.SimpleQuery)
        {
            session.Finish(unit.Run, unit.Failed);
            if (!unit.Failed) followups = unit.Followups;
        }
        else if (unit?.Kind == ReplyKind.Sync)
        {
            if (!_batchFailed && _batchFollowups.Count > 0) followups = [.. _batchFollowups];
        }
        if (unit?.Kind is ReplyKind.Sync or ReplyKind.SimpleQuery)
        {
            _batchFollowups.Clear();
            _batchFailed = false;
        }
        if (followups.Count > 0 && unit?.Completed != null)
        {
            _followups.Start(unit, followups);
            SendNextFollowup();
            return;
        }
        _toClient.Add(message);
        unit?.Completed?.TrySetResult();
    }

    /// <summary>
    /// Pops the replies PostgreSQL skipped after an error, up to the unit this ReadyForQuery ends. A
    /// skipped Execute is logged as aborted (e.g. `select 1/0` fails while planned, at Bind).
    /// </summary>
    private PendingReply? DequeueUnit()
    {
        while (session.Dequeue() is { } reply)
        {
            if (reply.IsUnit) return reply;
            session.Finish(reply.Run, aborted: true);
        }
        return null;
    }

    private async ValueTask OnFollowupDoneAsync(ReadOnlySequence<byte> readyForQuery, CancellationToken cancellationToken)
    {
        if (_followups.Error == null && _followups.HasMore)
        {
            SendNextFollowup();
            return;
        }
        // The client sees the statement's own results, then a followup's error if one failed, then the
        // transaction state after the followups.
        if (_followups.Error != null) _toClient.Add(_followups.Error);
        _toClient.Add(readyForQuery);
        await _toClient.FlushAsync(cancellationToken);
        _followups.Finish();
    }

    // The client relay is parked on the unit's Completed task, so this is the only writer to the backend.
    private void SendNextFollowup()
    {
        session.Expect(new PendingReply(ReplyKind.Followup));
        _toBackend.Add(MessageWriter.Query(_followups.Next()));
    }

    private static int ReadInt32(in ReadOnlySequence<byte> body)
    {
        Span<byte> bytes = stackalloc byte[4];
        body.Slice(0, 4).CopyTo(bytes);
        return BinaryPrimitives.ReadInt32BigEndian(bytes);
    }

    /// <summary>Followups of one unit being run: hidden from the client until the last one's ReadyForQuery.</summary>
    private sealed class FollowupState
    {
        private readonly Queue<string> _remaining = new();
        private PendingReply? _unit;

        public bool Active => _unit != null;
        public bool HasMore => _remaining.Count > 0;
        public byte[]? Error { get; set; }

        public void Start(PendingReply unit, IReadOnlyList<string> followups)
        {
            _unit = unit;
            Error = null;
            foreach (var followup in followups) _remaining.Enqueue(followup);
        }

        public string Next() => _remaining.Dequeue();

        public void Finish()
        {
            var unit = _unit;
            _unit = null;
            _remaining.Clear();
            Error = null;
            unit?.Completed?.TrySetResult();
        }
    }
}
