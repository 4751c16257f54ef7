using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Threading.Channels;
using Sandbox.Aws.Reads;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Copy;

/// <summary>Per file, what stl_load_commits records.</summary>
internal sealed record FileLoaded(string FileName, long LinesScanned, long Errors);

/// <summary>What the producer did: the files read, the lines rejected, and why the load failed (null if it did not).</summary>
internal sealed record CopyOutcome(List<FileLoaded> Files, List<LoadError> Errors, long Rows, string? Failure, long Query = 0);

/// <summary>
/// Reads the plan's objects one after another on its own thread (blocking reads of the S3 stream stay off
/// the relay's socket threads), turns each record into a PostgreSQL COPY row (text, or binary for JSON 'auto' into the columns <see cref="JsonBinaryRows"/> encodes), and hands CopyData
/// messages of ~64 KB to the relay through a small bounded channel: memory stays flat, reading and
/// sending overlap. Rejected records are collected for stl_load_errors; past MAXERROR it stops.
/// </summary>
internal sealed class CopyProducer(CopyPlan plan, S3Store s3)
{
    public const int ChunkSize = 64 * 1024;
    private readonly Channel<byte[]> _chunks = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
    private readonly ArrayBufferWriter<byte> _row = new(4096);
    private readonly JsonBinaryRows? _binary = plan.Binary ? new JsonBinaryRows(plan) : null;
    private byte[] _chunk = NewChunk();
    private int _chunkLength = 5;

    /// <summary>CopyData messages ready to send (each a whole message, header included).</summary>
    public ChannelReader<byte[]> Chunks => _chunks.Reader;

    public Task<CopyOutcome> StartAsync(CancellationToken ct) =>
        Task.Factory.StartNew(() => Run(ct), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private CopyOutcome Run(CancellationToken ct)
    {
        var outcome = new CopyOutcome([], [], 0, null);
        try
        {
            var encoder = new FieldEncoder(plan.ValueOptions);
            var parser = plan.CreateParser();
            var values = new string?[plan.Columns.Count];
            long rows = 0;
            if (_binary is not null) AppendRow(Sandbox.Core.IO.BinaryCopyRow.Header, ct);
            foreach (var source in plan.Objects)
            {
                var failure = LoadObject(source, parser, encoder, values, outcome, ref rows, ct);
                if (failure != null) return outcome with { Rows = rows, Failure = failure };
            }
            if (_binary is not null) AppendRow(Sandbox.Core.IO.BinaryCopyRow.Trailer, ct);
            Flush(ct);
            return outcome with { Rows = rows };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Amazon.Runtime.AmazonServiceException or System.Net.Http.HttpRequestException)
        {
            return outcome with { Failure = $"S3 read failed: {e.Message}" };
        }
        finally
        {
            _chunks.Writer.TryComplete();
        }
    }

    private string? LoadObject(SourceObject source, IRecordParser parser, FieldEncoder encoder, string?[] values, CopyOutcome outcome,
        ref long rows, CancellationToken ct)
    {
        var stream = s3.TryOpenAsync(source.Url, ct).GetAwaiter().GetResult();
        if (stream is null)
        {
            var missing = source.Url.ToString();
            if (!source.Mandatory && plan.Command.Manifest) return null; // Redshift skips a missing optional manifest entry
            outcome.Errors.Add(new LoadError(missing, 0, "", "", "", "", LoadError.ObjectMissing, $"Load file {missing} was not found"));
            return $"S3 object {missing} does not exist";
        }
        var body = new TallyingStream(stream);
        var inflated = plan.Command.Gzip ? new TallyingStream(new GZipStream(body, CompressionMode.Decompress)) : null;
        using var lines = new LineSource((Stream?)inflated ?? body, plan.Command.AcceptInvChars);
        var file = new FileProgress(source.Url.ToString());
        var failed = _binary is { } binary ? ReadBinary(lines, binary, file, outcome, ref rows, ct) : ReadText(lines, parser, encoder, values, file, outcome, ref rows, ct);
        if (!failed && ShortRead(source, body, inflated, ct) is { } shortRead) throw new IOException(shortRead);
        outcome.Files.Add(new FileLoaded(file.Name, lines.LineNumber, file.Errors));
        return failed ? plan.FailureMessage : null;
    }

    /// <summary>
    /// Why the object just read was not all of it, or null. s3rver may answer a PUT before its last bytes
    /// reach the file, and serves what is there (docs/FACTS-LOCAL.md); GZipStream ends a cut gzip body
    /// without an error. So the body must be as long as the manifest or listing said, and a gzip body must
    /// end with the trailer of what it inflated to; when it does not (a cut body, or several gzip members,
    /// whose last trailer covers only the last), the object's size a moment later tells the two apart.
    /// </summary>
    private string? ShortRead(SourceObject source, TallyingStream body, TallyingStream? inflated, CancellationToken ct)
    {
        if (Shortfall.OfSize(body.Count, source.KnownSize, "the manifest or listing") is { } size)
            return $"{source.Url} read short: {size}";
        if (inflated is null || Shortfall.OfGzip(body.Count, body.LastFour, inflated.Count) is null)
            return null;
        Thread.Sleep(TrailerRecheckDelay);
        var now = s3.TrySizeAsync(source.Url, ct).GetAwaiter().GetResult();
        return now > body.Count
            ? $"{source.Url} read short: {body.Count:N0} bytes without a gzip trailer, and it holds {now:N0} now (it was still being written)"
            : null;
    }

    private static readonly TimeSpan TrailerRecheckDelay = TimeSpan.FromMilliseconds(200);

    private sealed class FileProgress(string name)
    {
        public string Name => name;
        public long Errors;
    }

    /// <returns>True when the load failed (past MAXERROR).</returns>
    private bool ReadText(LineSource lines, IRecordParser parser, FieldEncoder encoder, string?[] values, FileProgress file, CopyOutcome outcome,
        ref long rows, CancellationToken ct)
    {
        while (lines.ReadLine(out var invalidUtf8) is { } line)
        {
            ct.ThrowIfCancellationRequested();
            var number = lines.LineNumber;
            if (number <= plan.Command.IgnoreHeader) continue;
            if (line.Length == 0 && plan.Command.Format == CopyFormat.Json) continue;
            var error = invalidUtf8
                ? new FieldError(LoadError.InvalidUtf8, "String contains invalid or unsupported UTF8 codepoints")
                : parser.Parse(ref line, values, () => lines.ReadLine(out _));
            var column = error is null ? EncodeRow(values, encoder, out error) : null;
            if (error is { } bad)
            {
                var columnName = column?.Name ?? parser.ErrorColumn;
                var rawField = column is null ? "" : values[plan.Columns.ToList().IndexOf(column)] ?? "";
                if (Reject(outcome, file, new LoadError(file.Name, number, columnName, column?.RedshiftType ?? "", line, rawField, bad.Code, bad.Reason)))
                    return true;
                continue;
            }
            AppendRow(_row.WrittenSpan, ct);
            rows++;
        }
        return false;
    }

    /// <returns>True when the load failed (past MAXERROR).</returns>
    private bool ReadBinary(LineSource lines, JsonBinaryRows binary, FileProgress file, CopyOutcome outcome, ref long rows, CancellationToken ct)
    {
        while (lines.TryReadLine(out var line))
        {
            if ((lines.LineNumber & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            if (lines.LineNumber <= plan.Command.IgnoreHeader || line.IsEmpty) continue;
            FieldError? error;
            var column = -1;
            ReadOnlySpan<byte> row = default;
            byte[]? replaced = null;
            if (!System.Text.Unicode.Utf8.IsValid(line) || line.Contains((byte)0))
            {
                // Rare: decode with the ACCEPTINVCHARS replacement (or reject), then encode the text's bytes.
                var text = lines.Decode(line, out var invalid);
                replaced = System.Text.Encoding.UTF8.GetBytes(text);
                error = invalid ? new FieldError(LoadError.InvalidUtf8, "String contains invalid or unsupported UTF8 codepoints") : null;
            }
            else error = null;
            ReadOnlySpan<byte> input = replaced is null ? line : replaced;
            error ??= binary.Encode(input, out column, out row);
            if (error is { } bad)
            {
                var target = column >= 0 ? plan.Columns[column] : null;
                var raw = replaced is null ? lines.Decode(line, out _) : System.Text.Encoding.UTF8.GetString(replaced);
                if (Reject(outcome, file, new LoadError(file.Name, lines.LineNumber, target?.Name ?? "", target?.RedshiftType ?? "", raw,
                        column >= 0 ? binary.RawValue(column) : "", bad.Code, bad.Reason)))
                    return true;
                continue;
            }
            AppendRow(row, ct);
            rows++;
        }
        return false;
    }

    /// <returns>True when this error is one past MAXERROR: the load fails.</returns>
    private bool Reject(CopyOutcome outcome, FileProgress file, LoadError error)
    {
        file.Errors++;
        outcome.Errors.Add(error);
        return outcome.Errors.Count > plan.Command.MaxError;
    }

    /// <returns>The column whose value was rejected (error set), else null.</returns>
    private TargetColumn? EncodeRow(string?[] values, FieldEncoder encoder, out FieldError? error)
    {
        _row.ResetWrittenCount();
        for (var i = 0; i < plan.Columns.Count; i++)
        {
            if (i > 0) _row.Write("\t"u8);
            error = encoder.Append(_row, plan.Columns[i], values[i] ?? plan.MissingJsonValue(i));
            if (error != null) return plan.Columns[i];
        }
        _row.Write("\n"u8);
        error = null;
        return null;
    }

    private void AppendRow(ReadOnlySpan<byte> row, CancellationToken ct)
    {
        if (_chunkLength + row.Length > _chunk.Length)
        {
            Flush(ct);
            if (5 + row.Length > _chunk.Length) _chunk = new byte[5 + row.Length];
        }
        row.CopyTo(_chunk.AsSpan(_chunkLength));
        _chunkLength += row.Length;
        if (_chunkLength >= ChunkSize) Flush(ct);
    }

    private void Flush(CancellationToken ct)
    {
        if (_chunkLength <= 5) return;
        _chunk[0] = (byte)'d';
        BinaryPrimitives.WriteInt32BigEndian(_chunk.AsSpan(1), _chunkLength - 1);
        var message = _chunk.Length == _chunkLength ? _chunk : _chunk[.._chunkLength];
        while (!_chunks.Writer.TryWrite(message))
            if (!_chunks.Writer.WaitToWriteAsync(ct).AsTask().GetAwaiter().GetResult()) return;
        _chunk = NewChunk();
        _chunkLength = 5;
    }

    private static byte[] NewChunk() => new byte[ChunkSize + 8 * 1024];
}
