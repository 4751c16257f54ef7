using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Npgsql;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>
/// The editor's stream (application/x-ndjson): a columns line, row batches as they come, then a
/// done or error line. The first rows are flushed at once so they show while the rest still runs.
/// </summary>
public sealed class GridStreamSink(HttpResponse response) : IResultSink
{
    private const int BatchRows = 2_000;
    private static readonly TimeSpan BatchAge = TimeSpan.FromMilliseconds(100);
    private readonly PipeWriter _body = response.BodyWriter;
    private readonly Utf8JsonWriter _json = new(response.BodyWriter, new JsonWriterOptions { SkipValidation = true, Encoder = ConsoleJson.Encoder });
    private readonly Stopwatch _sinceFlush = new();
    private int _batched;
    private bool _firstBatchSent;

    public static void WriteColumns(Utf8JsonWriter json, IReadOnlyList<ResultColumn> columns)
    {
        json.WriteStartArray("columns");
        foreach (var column in columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    public async Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        response.ContentType = "application/x-ndjson; charset=utf-8";
        _json.WriteStartObject();
        WriteColumns(_json, columns);
        _json.WriteEndObject();
        await EndLineAsync(flush: true, cancellationToken);
    }

    public async ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        if (_batched == 0)
        {
            _json.WriteStartObject();
            _json.WriteStartArray("rows");
            _sinceFlush.Restart();
        }
        _json.WriteStartArray();
        for (var i = 0; i < row.FieldCount; i++) CellText.WriteJson(_json, row, i);
        _json.WriteEndArray();
        _batched++;
        // The first rows go out alone so the grid fills within the first round trip.
        if (_batched >= BatchRows || !_firstBatchSent && _batched >= 100 || _sinceFlush.Elapsed >= BatchAge)
            await CloseBatchAsync(cancellationToken);
    }

    public async Task EndAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        await CloseBatchAsync(cancellationToken);
        _json.WriteStartObject();
        _json.WriteStartObject("done");
        _json.WriteNumber("rows", summary.Rows);
        _json.WriteBoolean("truncated", summary.Truncated);
        _json.WriteNumber("elapsedMs", (long)summary.Elapsed.TotalMilliseconds);
        _json.WriteEndObject();
        _json.WriteEndObject();
        await EndLineAsync(flush: true, cancellationToken);
    }

    public async Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        await CloseBatchAsync(cancellationToken);
        _json.WriteStartObject();
        ErrorBody.WriteFailure(_json, failure);
        _json.WriteEndObject();
        await EndLineAsync(flush: true, cancellationToken);
    }

    /// <summary>A last line when the run was cancelled after rows were sent.</summary>
    public async Task CancelledAsync()
    {
        await CloseBatchAsync(CancellationToken.None);
        _json.WriteStartObject();
        _json.WriteStartObject("error");
        _json.WriteString("message", "cancelled: the statement was cancelled on the server");
        _json.WriteString("sqlState", PostgresErrorCodes.QueryCanceled);
        _json.WriteEndObject();
        _json.WriteEndObject();
        await EndLineAsync(flush: true, CancellationToken.None);
    }

    private async Task CloseBatchAsync(CancellationToken cancellationToken)
    {
        if (_batched == 0) return;
        _json.WriteEndArray();
        _json.WriteEndObject();
        _batched = 0;
        _firstBatchSent = true;
        await EndLineAsync(flush: true, cancellationToken);
    }

    private async Task EndLineAsync(bool flush, CancellationToken cancellationToken)
    {
        _json.Flush();
        _body.Write("\n"u8);
        _json.Reset(_body);
        if (flush) await _body.FlushAsync(cancellationToken);
    }
}
