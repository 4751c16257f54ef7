using System.IO.Compression;

namespace Sandbox.Generator.Output;

/// <summary>One server's hourly files; lines are batched in a large buffer before reaching the (gzip) stream.</summary>
internal sealed class HourlyLogStream : IServerEventStream
{
    private const long HourMs = 3_600_000;
    private const int BufferBytes = 1 << 20;

    private readonly HourlyLogFileSink _sink;
    private readonly string _server;
    private readonly byte[] _buffer = new byte[BufferBytes];
    private readonly List<SinkOutput> _outputs = [];
    private int _buffered;
    private Stream? _file;
    private Stream? _target;
    private string? _relativePath;
    private long _hour = long.MinValue;
    private long _lines;

    public HourlyLogStream(HourlyLogFileSink sink, string server)
    {
        _sink = sink;
        _server = server;
        Directory.CreateDirectory(Path.Combine(sink.OutputDirectory, server));
    }

    public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
    {
        var hour = Math.DivRem(receivedAtUnixMs, HourMs, out _) * HourMs;
        if (hour != _hour) Roll(hour);
        if (_buffered + line.Length + 1 > _buffer.Length) Flush();
        if (line.Length + 1 > _buffer.Length)
        {
            _target!.Write(line);
            _target.WriteByte((byte)'\n');
        }
        else
        {
            line.CopyTo(_buffer.AsSpan(_buffered));
            _buffered += line.Length;
            _buffer[_buffered++] = (byte)'\n';
        }
        _lines++;
    }

    public IReadOnlyList<SinkOutput> Complete()
    {
        CloseFile();
        return _outputs;
    }

    public void Dispose() => CloseFile();

    private void Roll(long hour)
    {
        if (hour < _hour)
            throw new InvalidOperationException($"{_server}: received_at went back from hour {_hour} to {hour}; lines must arrive in order");
        CloseFile();
        _hour = hour;
        _relativePath = Path.Combine(_server, HourlyLogFileSink.FileName(hour, _sink.Gzip));
        _file = new FileStream(Path.Combine(_sink.OutputDirectory, _relativePath), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _target = _sink.Gzip ? new GZipStream(_file, CompressionLevel.Fastest) : _file;
    }

    private void Flush()
    {
        _target!.Write(_buffer, 0, _buffered);
        _buffered = 0;
    }

    private void CloseFile()
    {
        if (_target is null) return;
        Flush();
        _target.Dispose();
        _file!.Dispose();
        _outputs.Add(new SinkOutput(_relativePath!.Replace('\\', '/'), _lines, new FileInfo(Path.Combine(_sink.OutputDirectory, _relativePath)).Length));
        _target = _file = null;
        _lines = 0;
    }
}
