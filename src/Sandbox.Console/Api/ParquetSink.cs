using System.Data.Common;
using Parquet;
using Parquet.Schema;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>
/// The full result as a Parquet file (Parquet.Net), streamed to the response one row group at a time.
/// Column types come from the first row's reader (booleans, integers, floating point, decimals,
/// timestamps and dates keep their type; anything else is text as in the CSV). A failure mid-way
/// aborts the download so no half file looks whole.
/// </summary>
public sealed class ParquetSink(HttpContext context, string fileName) : IResultSink
{
    /// <summary>Rows per row group: bounded memory whatever the result's size.</summary>
    public const int RowGroupRows = 50_000;

    private IReadOnlyList<ResultColumn> _columns = [];
    private ParquetColumn[]? _buffers;
    private int _buffered;
    private ParquetSchema? _schema;
    private ParquetWriter? _writer;
    private readonly ForwardOnlyStream _body = new(context.Response.Body);

    public Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/vnd.apache.parquet";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        _columns = columns;
        return Task.CompletedTask;
    }

    public async ValueTask WriteRowAsync(DbDataReader row, CancellationToken cancellationToken)
    {
        _buffers ??= Enumerable.Range(0, row.FieldCount).Select(i => ParquetColumn.For(row.GetFieldType(i))).ToArray();
        for (var i = 0; i < row.FieldCount; i++) _buffers[i].Add(row, i);
        if (++_buffered == RowGroupRows) await FlushAsync(cancellationToken);
    }

    public async Task EndAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        _buffers ??= _columns.Select(_ => ParquetColumn.For(typeof(string))).ToArray();
        if (_buffered > 0 || _writer is null) await FlushAsync(cancellationToken);
        await _writer!.DisposeAsync();
        await _body.DrainAsync(cancellationToken);
    }

    public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _schema ??= new ParquetSchema(_columns.Select((c, i) => (Field)_buffers![i].Field(Unique(c.Name, i))).ToArray());
        _writer ??= await ParquetWriter.CreateAsync(_schema, _body, cancellationToken: cancellationToken);
        using (var group = _writer.CreateRowGroup())
        {
            var fields = _schema.GetDataFields();
            for (var i = 0; i < fields.Length; i++) await _buffers![i].WriteAsync(group, fields[i], cancellationToken);
        }
        _buffered = 0;
        await _body.DrainAsync(cancellationToken);
    }

    /// <summary>Parquet needs distinct column names; a result may repeat one (select 1 as a, 2 as a).</summary>
    private string Unique(string name, int index) =>
        _columns.Take(index).Any(c => c.Name == name) ? $"{name}_{index + 1}" : name;
}

/// <summary>One result column's cells of the current row group, and how they are written.</summary>
public abstract class ParquetColumn
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The column for a reader's field type: numbers, booleans, timestamps (UTC) and dates keep their type, the rest is text.</summary>
    public static ParquetColumn For(Type type) => type switch
    {
        _ when type == typeof(bool) => new Values<bool>(v => Convert.ToBoolean(v, Invariant)),
        _ when type == typeof(short) || type == typeof(int) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort)
            => new Values<int>(v => Convert.ToInt32(v, Invariant)),
        _ when type == typeof(long) || type == typeof(uint) => new Values<long>(v => Convert.ToInt64(v, Invariant)),
        _ when type == typeof(float) => new Values<float>(v => Convert.ToSingle(v, Invariant)),
        _ when type == typeof(double) => new Values<double>(v => Convert.ToDouble(v, Invariant)),
        _ when type == typeof(decimal) => new Values<decimal>(Fitting),
        _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) =>
            new Values<DateTime>(v => v is DateTimeOffset o ? o.UtcDateTime : (DateTime)v),
        _ when type == typeof(DateOnly) => new Values<DateOnly>(v => v is DateTime t ? DateOnly.FromDateTime(t) : (DateOnly)v),
        _ => new Text(),
    };

    /// <summary>Parquet.Net's decimals are DECIMAL(38,18): at most 20 digits before the point.</summary>
    private static readonly decimal DecimalLimit = 100_000_000_000_000_000_000m;

    private static decimal Fitting(object value)
    {
        var number = Convert.ToDecimal(value, Invariant);
        return Math.Abs(number) < DecimalLimit ? number : throw new QueryInputException(
            $"{number.ToString(Invariant)} has more than 20 digits before the point: Parquet's DECIMAL(38,18) cannot hold it; cast the column to float8 or text, or download CSV or JSON");
    }

    public abstract void Add(DbDataReader row, int ordinal);

    public abstract DataField Field(string name);

    /// <summary>Writes the buffered cells as the group's next column and empties the buffer.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken);

    private sealed class Values<T>(Func<object, T> convert) : ParquetColumn where T : struct
    {
        private readonly List<T?> _cells = [];

        public override void Add(DbDataReader row, int ordinal) => _cells.Add(row.IsDBNull(ordinal) ? null : convert(row.GetValue(ordinal)));

        public override DataField Field(string name) => new(name, typeof(T?), isNullable: true);

        public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken)
        {
            await group.WriteAsync<T>(field, _cells.ToArray().AsMemory(), cancellationToken: cancellationToken);
            _cells.Clear();
        }
    }

    private sealed class Text : ParquetColumn
    {
        private readonly List<string?> _cells = [];

        public override void Add(DbDataReader row, int ordinal) => _cells.Add(CellText.Text(row, ordinal));

        public override DataField Field(string name) => new(name, typeof(string), isNullable: true);

        public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken)
        {
            await group.WriteAsync(field, _cells.ToArray()!);
            _cells.Clear();
        }
    }
}

/// <summary>
/// The response body as Parquet.Net sees it: written front to back, its position the bytes written
/// so far. Writes land in memory (Parquet.Net may write synchronously, Kestrel refuses that) and
/// <see cref="DrainAsync"/> sends them on after each row group.
/// </summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    private readonly MemoryStream _pending = new();
    private long _sent;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => Position;
    public override long Position { get => _sent + _pending.Length; set => throw new NotSupportedException("a download is written front to back"); }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _pending.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _pending.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        await inner.FlushAsync(cancellationToken);
        _sent += _pending.Length;
        _pending.SetLength(0);
    }

    public override void Flush() { }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // CanRead and CanSeek say no: the Parquet writer only appends, and a download cannot be read back.
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("a Parquet download is write-only: it cannot be read back");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a download is written front to back");

    public override void SetLength(long value) =>
        throw new NotSupportedException("a download is written front to back: its length is what has been written");
}
