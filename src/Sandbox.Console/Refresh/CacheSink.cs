using System.Buffers;
using System.Text;
using System.Text.Json;
using Npgsql;
using Sandbox.Console.Api;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Refresh;

/// <summary>Collects a refresh's rows as one JSON array (cells as the grid shows them) for the result cache.</summary>
public sealed class CacheSink : IResultSink
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly Utf8JsonWriter _json;

    public CacheSink() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = ConsoleJson.Encoder });

    public IReadOnlyList<ResultColumn> Columns { get; private set; } = [];

    /// <summary>Set when the statement failed after its first rows (nothing is cached then).</summary>
    public QueryFailure? Failure { get; private set; }

    public string RowsJson
    {
        get
        {
            _json.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }

    public Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        Columns = columns;
        _json.WriteStartArray();
        return Task.CompletedTask;
    }

    public ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
    {
        _json.WriteStartArray();
        for (var i = 0; i < row.FieldCount; i++) CellText.WriteJson(_json, row, i);
        _json.WriteEndArray();
        return ValueTask.CompletedTask;
    }

    public Task EndAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        return Task.CompletedTask;
    }

    public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        Failure = failure;
        return Task.CompletedTask;
    }
}
