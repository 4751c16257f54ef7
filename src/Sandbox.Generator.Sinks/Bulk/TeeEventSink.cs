using Sandbox.Generator.Output;
using Sandbox.Generator;
namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>Writes every line to several sinks (the warehouse and the lake in one generation).</summary>
public sealed class TeeEventSink(IReadOnlyList<IEventSink> sinks) : IEventSink
{
    public string Describe() => string.Join(" + ", sinks.Select(s => s.Describe()));

    public IServerEventStream OpenServer(string serverName) => new TeeStream(sinks.Select(s => s.OpenServer(serverName)).ToArray());

    private sealed class TeeStream(IServerEventStream[] streams) : IServerEventStream
    {
        public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs)
        {
            foreach (var stream in streams) stream.Write(line, receivedAtUnixMs);
        }

        public IReadOnlyList<SinkOutput> Complete() => streams.SelectMany(s => s.Complete()).ToList();

        public void Dispose()
        {
            foreach (var stream in streams) stream.Dispose();
        }
    }
}
