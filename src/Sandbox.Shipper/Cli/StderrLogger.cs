using Microsoft.Extensions.Logging;

namespace Sandbox.Shipper.Cli;

/// <summary>Plain timestamped lines on stderr for the CLI (stdout carries the progress and summary).</summary>
internal sealed class StderrLogger<T>(LogLevel minimum) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var level = logLevel switch { LogLevel.Warning => "warn", LogLevel.Error or LogLevel.Critical => "error", _ => "info" };
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {level}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
