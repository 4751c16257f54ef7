using System.Buffers;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Sandbox.Redshift.Copy;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.Protocol;
using Sandbox.Redshift.S3;
using Sandbox.Redshift.Unload;

namespace Sandbox.Redshift.Session;

/// <summary>
/// COPY FROM 's3://...' and UNLOAD ... TO 's3://...', run by the front in the client's own session
/// (its role, its transaction, its temporary tables): a hidden catalog probe finds the target's columns,
/// then PostgreSQL is sent its own COPY FROM STDIN, fed by the front from S3 (or COPY (query) TO STDOUT,
/// captured into S3 objects). In the extended protocol the statement must open its Sync batch, so the
/// probe, a simple Query, runs between batches.
/// </summary>
internal sealed partial class ClientRelay
{
    private const string StatementNotAlone = "COPY FROM 's3://...' and UNLOAD must be the first statement of their Sync batch in the extended protocol";

    /// <summary>Work to finish (after flushing what is queued) before the next client message is read.</summary>
    private Func<CancellationToken, Task>? _job;

    /// <summary>Extended-protocol messages went to PostgreSQL since the last Sync (<see cref="_batchOpen"/>: before the current message).</summary>
    private bool _unsynced, _batchOpen;

    private void OnS3Query(S3Statement statement, StatementRun run)
    {
        if (statement.Error is { } error) { Refuse(run, error); return; }
        if (statement.Copy is { } copy) _job = ct => RunCopyQueryAsync(copy, run, ct);
        else _job = ct => RunUnloadQueryAsync(statement.Unload!, run, ct);
    }

    private void OnS3Parse(S3Statement statement, ParseMessage parse)
    {
        var name = parse.Statement;
        var types = parse.ParameterTypes.ToArray();
        var error = statement.Error ?? (_batchOpen ? new DialectError("0A000", StatementNotAlone, 1) : null);
        if (error != null) { RefuseParse(parse.Sql, name, types, error); return; }
        _job = statement.Copy is { } copy
            ? async ct =>
            {
                var (plan, planError) = await PlanCopyAsync(copy, ct);
                if (planError != null) { RefuseParse(parse.Sql, name, types, planError); return; }
                _statements[name] = new PreparedStatement(parse.Sql, []) { Copy = plan ?? Unplanned(copy) };
                session.Expect(new PendingReply(ReplyKind.Parse));
                _toBackend.Add(MessageWriter.Parse(name, plan?.BackendSql ?? UnplannedSql(copy), types));
            }
            : async ct =>
            {
                var (sql, unloadError) = await PrepareUnloadAsync(statement.Unload!, ct);
                if (unloadError != null) { RefuseParse(parse.Sql, name, types, unloadError); return; }
                _statements[name] = new PreparedStatement(parse.Sql, []) { Unload = statement.Unload };
                session.Expect(new PendingReply(ReplyKind.Parse));
                _toBackend.Add(MessageWriter.Parse(name, sql!, types));
            };
    }

    /// <returns>True when the portal runs an S3 statement (the Execute is then sent by the job).</returns>
    private bool OnS3Execute(PreparedStatement? prepared, in ReadOnlySequence<byte> message)
    {
        if (prepared is null || (prepared.Copy is null && prepared.Unload is null)) return false;
        var execute = message.ToArray();
        var run = session.Run(prepared.Sql);
        if (prepared.Unload is { } unload)
        {
            session.Expect(new PendingReply(ReplyKind.Execute) { Run = run, Statement = prepared, Unload = new UnloadSink(unload, s3) });
            _toBackend.Add(execute);
            return true;
        }
        var plan = prepared.Copy!;
        _job = async ct =>
        {
            var (feed, outcome) = NewFeed(plan);
            var reply = new PendingReply(ReplyKind.Execute) { Run = run, Statement = prepared, Feed = feed };
            session.Expect(reply);
            _toBackend.Add(execute);
            await FeedAsync(plan, reply, outcome, ct);
        };
        return true;
    }

    private async Task RunCopyQueryAsync(CopyCommand copy, StatementRun run, CancellationToken ct)
    {
        var (plan, error) = await PlanCopyAsync(copy, ct);
        if (error != null) { Refuse(run, error); return; }
        plan ??= Unplanned(copy);
        var (feed, outcome) = NewFeed(plan);
        var reply = new PendingReply(ReplyKind.SimpleQuery) { Run = run, Feed = feed };
        session.Expect(reply);
        _toBackend.Add(MessageWriter.Query(plan.IsUnplanned ? UnplannedSql(copy) : plan.BackendSql));
        await FeedAsync(plan, reply, outcome, ct);
    }

    private async Task RunUnloadQueryAsync(UnloadCommand unload, StatementRun run, CancellationToken ct)
    {
        var (sql, error) = await PrepareUnloadAsync(unload, ct);
        if (error != null) { Refuse(run, error); return; }
        session.Expect(new PendingReply(ReplyKind.SimpleQuery) { Run = run, Unload = new UnloadSink(unload, s3) });
        _toBackend.Add(MessageWriter.Query(sql!));
    }

    /// <returns>The plan; or null (no error) when the catalog probe failed, e.g. in an aborted transaction: PostgreSQL then refuses the COPY itself.</returns>
    private async Task<(CopyPlan? Plan, DialectError? Error)> PlanCopyAsync(CopyCommand copy, CancellationToken ct)
    {
        var columns = await ProbeAsync(copy.Table, ct);
        if (columns is null) return (null, null);
        try
        {
            return (await CopyPlanner.PlanAsync(copy, columns, s3, ct), null);
        }
        catch (CopyPlanner.PlanException e)
        {
            if (e.Error.SqlState == "XX000") await RecordPlanFailureAsync(copy, columns, e.Message, ct);
            return (null, e.Error);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
        {
            var message = $"S3 at the stack's endpoint failed for {copy.Source}: {e.Message}";
            await RecordPlanFailureAsync(copy, columns, message, ct);
            return (null, new DialectError("XX000", message, 0));
        }
    }

    private async Task RecordPlanFailureAsync(CopyCommand copy, IReadOnlyList<TargetColumn> columns, string reason, CancellationToken ct)
    {
        var error = new LoadError(copy.Source.ToString(), 0, "", "", "", "", LoadError.S3Failure, reason);
        await loads.RecordErrorsAsync(session.Database, await loads.NextQueryIdAsync(session.Database, ct), session.User, columns.FirstOrDefault()?.TableOid ?? 0, [error], ct);
    }

    private async Task<List<TargetColumn>?> ProbeAsync(string table, CancellationToken ct)
    {
        var done = new TaskCompletionSource<List<string?[]>?>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Expect(new PendingReply(ReplyKind.Probe) { ProbeDone = done });
        _toBackend.Add(MessageWriter.Query(TargetColumn.ProbeSql(table)));
        await _toBackend.FlushAsync(ct);
        var rows = await done.Task.WaitAsync(ct);
        return rows?.Select(TargetColumn.FromRow).ToList();
    }

    private async Task<(string? Sql, DialectError? Error)> PrepareUnloadAsync(UnloadCommand unload, CancellationToken ct)
    {
        var rewritten = rewriter.Rewrite(unload.Query);
        if (rewritten.Error is { } error) return (null, error with { Position = 0 });
        if (!unload.AllowOverwrite)
        {
            try
            {
                if ((await s3.ListAsync(unload.Prefix, ct)).Count > 0)
                    return (null, new DialectError("XX000", "Specified unload destination on S3 is not empty. Consider using a different bucket / prefix, " +
                                                             "manually removing the target files in S3, or using the ALLOWOVERWRITE option.", 0));
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
            {
                return (null, new DialectError("XX000", $"S3 at the stack's endpoint failed for {unload.Prefix}: {e.Message}", 0));
            }
        }
        return (UnloadSink.BackendSql(unload, rewritten.Sql), null);
    }

    private (CopyFeed Feed, StrongBox<CopyOutcome?> Outcome) NewFeed(CopyPlan plan)
    {
        var outcome = new StrongBox<CopyOutcome?>();
        var feed = new CopyFeed(() => outcome.Value is { } done
            ? loads.RecordCommitsAsync(session.Database, done.Query, session.User, plan.Command.Table, plan.FileFormat, done.Files, CancellationToken.None)
            : Task.CompletedTask);
        return (feed, outcome);
    }

    /// <summary>Waits for PostgreSQL's CopyInResponse, streams the objects as CopyData, ends with CopyDone or CopyFail.</summary>
    private async Task FeedAsync(CopyPlan plan, PendingReply reply, StrongBox<CopyOutcome?> result, CancellationToken ct)
    {
        var feed = reply.Feed!;
        await _toBackend.FlushAsync(ct);
        if (!await feed.Started.WaitAsync(ct)) return;
        if (plan.IsUnplanned)
        {
            _toBackend.Add(MessageWriter.CopyFail("sandbox-redshift could not read the target table's columns"));
            await _toBackend.FlushAsync(ct);
            return;
        }
        var query = await loads.NextQueryIdAsync(session.Database, ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = new CopyProducer(plan, s3);
        var producing = producer.StartAsync(stop.Token);
        await foreach (var chunk in producer.Chunks.ReadAllAsync(ct))
        {
            if (feed.Finished.IsCompleted) break; // PostgreSQL refused the data (e.g. a key violation): stop reading S3
            _toBackend.Add(chunk);
            await _toBackend.FlushAsync(ct);
        }
        stop.Cancel();
        CopyOutcome outcome;
        try { outcome = await producing; }
        catch (OperationCanceledException) { outcome = new CopyOutcome([], [], 0, "the load was stopped"); }
        outcome = outcome with { Query = query };
        await loads.RecordErrorsAsync(session.Database, query, session.User, plan.TableOid, outcome.Errors, ct);
        if (outcome.Failure is { } failure)
        {
            reply.RewriteError = new DialectError("XX000", failure, 0);
            _toBackend.Add(MessageWriter.CopyFail(failure));
        }
        else
        {
            result.Value = outcome;
            _toBackend.Add(MessageWriter.CopyDone);
        }
        await _toBackend.FlushAsync(ct);
        session.CopyInProgress = false;
    }

    private void Refuse(StatementRun run, DialectError error)
    {
        session.Expect(new PendingReply(ReplyKind.SimpleQuery) { Run = run, RewriteError = error });
        _toBackend.Add(MessageWriter.Query(RefusedStatement));
    }

    private void RefuseParse(string sql, string name, byte[] types, DialectError error)
    {
        _statements[name] = new PreparedStatement(sql, []);
        session.Expect(new PendingReply(ReplyKind.Parse) { RewriteError = error });
        _toBackend.Add(MessageWriter.Parse(name, RefusedStatement, types));
    }

    // When the catalog probe failed, PostgreSQL is asked for the COPY as it is, and reports why it cannot run.
    private static CopyPlan Unplanned(CopyCommand copy) => new(copy, [], [], null, 0);

    private static string UnplannedSql(CopyCommand copy) => $"copy {copy.Table} from stdin";
}
