using System.Collections.Concurrent;
using System.Text;
using Sandbox.Generator.Output;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>Keeps generated lines in memory (each server stream is written by one thread).</summary>
public sealed class MemorySink : IEventSink
{
    private readonly ConcurrentBag<List<string>> _streams = [];

    public IEnumerable<string> Lines => _streams.SelectMany(s => s);

    public string Describe() => "memory";

    public IServerEventStream OpenServer(string serverName)
    {
        var lines = new List<string>();
        _streams.Add(lines);
        return new Stream(serverName, lines);
    }

    private sealed class Stream(string name, List<string> lines) : IServerEventStream
    {
        public void Write(ReadOnlySpan<byte> line, long receivedAtUnixMs) => lines.Add(Encoding.UTF8.GetString(line));

        public IReadOnlyList<SinkOutput> Complete() => [new(name, lines.Count, lines.Sum(l => (long)l.Length))];

        public void Dispose() { }
    }
}
