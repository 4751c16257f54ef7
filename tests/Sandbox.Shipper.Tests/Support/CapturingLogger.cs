using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sandbox.Shipper.Tests.Support;

/// <summary>Keeps every log entry (level and text) so a test can say what was, and was not, worth a warning.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IEnumerable<string> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception)));
}
