namespace Sandbox.Generator.Output;

/// <summary>
/// Where generated lines go. The generator opens one stream per app server and writes each
/// stream from a single thread in received_at order. Implemented: hourly log files (what fluentd
/// tails). Planned plug-ins: straight to Kinesis at a target rate (use receivedAtUnixMs to pace
/// with time compression), and bulk to the warehouse/lake.
/// </summary>
public interface IEventSink
{
    /// <summary>A short description for logs and the manifest, e.g. "files:/data/out (gzip)".</summary>
    string Describe();

    IServerEventStream OpenServer(string serverName);
}

public interface IServerEventStream : IDisposable
{
    /// <summary>One line without its newline; may be a deliberately malformed line when faults are on.</summary>
    void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs);

    /// <summary>Flushes and closes; returns what was written (files, shards, tables...).</summary>
    IReadOnlyList<SinkOutput> Complete();
}

/// <summary>One unit of output: a file path relative to the output folder, or a stream/table name.</summary>
public sealed record SinkOutput(string Name, long Lines, long Bytes);
