using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>The full result as RFC 4180 CSV (header line first). A failure mid-way aborts the download so no half file looks whole.</summary>
public sealed class CsvSink(HttpContext context, string fileName) : IResultSink
{
    private readonly PipeWriter _body = context.Response.BodyWriter;
    private readonly StringBuilder _line = new();
    private int _unflushed;

    public async Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        foreach (var column in columns) Append(column.Name);
        await WriteLineAsync(cancellationToken);
    }

    public async ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        for (var i = 0; i < row.FieldCount; i++) Append(CellText.Text(row, i));
        await WriteLineAsync(cancellationToken);
    }

    public async Task EndAsync(RunSummary summary, CancellationToken cancellationToken) => await _body.FlushAsync(cancellationToken);

    public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private void Append(string? value)
    {
        if (_line.Length > 0) _line.Append(',');
        if (value is null) return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) { _line.Append(value); return; }
        _line.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }

    private async ValueTask WriteLineAsync(CancellationToken cancellationToken)
    {
        _line.Append("\r\n");
        foreach (var chunk in _line.GetChunks()) Encoding.UTF8.GetBytes(chunk.Span, _body);
        _line.Clear();
        if (++_unflushed >= 5_000) { _unflushed = 0; await _body.FlushAsync(cancellationToken); }
    }
}

/// <summary>The full result as one JSON document: {"columns": [...], "rows": [[...], ...], "rowCount": n, "truncated": false}.</summary>
public sealed class JsonSink(HttpContext context) : IResultSink
{
    private readonly Utf8JsonWriter _json = new(context.Response.BodyWriter);
    private int _unflushed;

    public async Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        _json.WriteStartObject();
        GridStreamSink.WriteColumns(_json, columns);
        _json.WriteStartArray("rows");
        await FlushAsync(cancellationToken);
    }

    public async ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        _json.WriteStartArray();
        for (var i = 0; i < row.FieldCount; i++) CellText.WriteJson(_json, row, i);
        _json.WriteEndArray();
        if (++_unflushed >= 5_000) { _unflushed = 0; await FlushAsync(cancellationToken); }
    }

    public async Task EndAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        _json.WriteNumber("rowCount", summary.Rows);
        _json.WriteBoolean("truncated", summary.Truncated);
        _json.WriteEndObject();
        await FlushAsync(cancellationToken);
    }

    public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _json.Flush();
        await context.Response.BodyWriter.FlushAsync(cancellationToken);
    }
}
