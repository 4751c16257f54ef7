using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Redshift.QueryLog;

/// <summary>
/// Writes redshift.query_log off the hot path: relays only enqueue; one background loop inserts what
/// has gathered, one statement per batch, over its own connection straight to PostgreSQL (never
/// through the front, so the log does not log itself). After the first entry of a batch it waits
/// <see cref="GatherDelay"/> for more, so a client's stream of small queries costs one insert per
/// interval instead of one per query competing with the queries themselves (as Redshift, whose
/// stl_query rows also appear shortly after the statement). While PostgreSQL or the table is missing
/// (before bootstrap) batches wait and are retried; past <see cref="MaxPending"/> the oldest go, counted.
/// </summary>
public sealed class QueryLogWriter : IQueryLogSink, IAsyncDisposable
{
    public const int MaxPending = 100_000;
    public const int MaxQueryText = 4000; // Redshift's stl_query.querytxt is character(4000)
    private const int MaxBatch = 5_000;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(200);

    private const string InsertSql = """
        insert into redshift.query_log (userid, username, pid, database, querytxt, label, starttime, endtime, rows, aborted)
        select r.oid::int, l.username, l.pid, l.database, l.querytxt, l.label, l.starttime, l.endtime, l.rows, l.aborted
        from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::timestamp[], $6::timestamp[], $7::bigint[], $8::int[], $9::text[])
             with ordinality as l(username, pid, database, querytxt, starttime, endtime, rows, aborted, label, n)
        left join pg_roles r on r.rolname = l.username
        order by l.n
        """;

    private readonly Channel<QueryLogEntry> _entries;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TextWriter _diagnostics;
    private readonly Task _loop;
    private readonly CancellationTokenSource _gathering = new();
    private long _written;
    private long _dropped;

    public QueryLogWriter(string connectionString, TextWriter diagnostics)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "sandbox-redshift query log" };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _diagnostics = diagnostics;
        _entries = Channel.CreateBounded<QueryLogEntry>(
            new BoundedChannelOptions(MaxPending) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
        _loop = Task.Run(WriteLoopAsync);
    }

    public long Written => Interlocked.Read(ref _written);
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Record(QueryLogEntry entry) => _entries.Writer.TryWrite(entry);

    /// <summary>Waits until everything recorded so far is in the table (tests, shutdown).</summary>
    public async Task FlushAsync(long expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Written < expected && DateTime.UtcNow < deadline) await Task.Delay(20);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<QueryLogEntry>(MaxBatch);
        var lastError = "";
        while (batch.Count > 0 || await _entries.Reader.WaitToReadAsync())
        {
            if (batch.Count == 0) await GatherAsync();
            while (batch.Count < MaxBatch && _entries.Reader.TryRead(out var entry)) batch.Add(entry);
            try
            {
                await InsertAsync(batch);
                Interlocked.Add(ref _written, batch.Count);
                batch.Clear();
                lastError = "";
            }
            catch (Exception error) when (error is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                if (error.Message != lastError)
                    await _diagnostics.WriteLineAsync($"sandbox-redshift: query log not written yet ({batch.Count} waiting), retrying: {error.Message}");
                lastError = error.Message;
                await Task.Delay(RetryDelay);
            }
        }
        if (batch.Count > 0)
        {
            try { await InsertAsync(batch); Interlocked.Add(ref _written, batch.Count); }
            catch (NpgsqlException error) { await _diagnostics.WriteLineAsync($"sandbox-redshift: {batch.Count} query log entries lost at shutdown: {error.Message}"); }
        }
    }

    /// <summary>Lets a batch gather for <see cref="GatherDelay"/> (the channel holds far more than arrives meanwhile); shutdown cuts it short.</summary>
    private async Task GatherAsync()
    {
        try { await Task.Delay(GatherDelay, _gathering.Token); }
        catch (OperationCanceledException) { }
    }

    private async Task InsertAsync(List<QueryLogEntry> batch)
    {
        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(Array(NpgsqlDbType.Text, batch.Select(e => e.Username)));
        command.Parameters.Add(Array(NpgsqlDbType.Integer, batch.Select(e => e.Pid)));
        command.Parameters.Add(Array(NpgsqlDbType.Text, batch.Select(e => e.Database)));
        command.Parameters.Add(Array(NpgsqlDbType.Text, batch.Select(e => Truncate(e.QueryText))));
        command.Parameters.Add(Array(NpgsqlDbType.Timestamp, batch.Select(e => DateTime.SpecifyKind(e.StartTime, DateTimeKind.Unspecified))));
        command.Parameters.Add(Array(NpgsqlDbType.Timestamp, batch.Select(e => DateTime.SpecifyKind(e.EndTime, DateTimeKind.Unspecified))));
        command.Parameters.Add(Array(NpgsqlDbType.Bigint, batch.Select(e => e.Rows)));
        command.Parameters.Add(Array(NpgsqlDbType.Integer, batch.Select(e => e.Aborted ? 1 : 0)));
        command.Parameters.Add(Array(NpgsqlDbType.Text, batch.Select(e => e.Label)));
        await command.ExecuteNonQueryAsync();
    }

    private static string Truncate(string text) => text.Length <= MaxQueryText ? text : text[..MaxQueryText];

    private static NpgsqlParameter Array<T>(NpgsqlDbType type, IEnumerable<T> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values.ToArray() };

    public async ValueTask DisposeAsync()
    {
        _entries.Writer.TryComplete();
        _gathering.Cancel();
        await _loop.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        await _dataSource.DisposeAsync();
    }
}
