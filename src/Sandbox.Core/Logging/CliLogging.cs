using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Sandbox.Core.Logging;

/// <summary>
/// The loggers every `sandbox` command hands to the boxes it hosts: one timestamped line per message
/// on stderr (stdout carries progress, tables and summaries). Warnings and errors by default, so a
/// delivery stream that keeps retrying says why instead of waiting in silence;
/// <c>SANDBOX_LOG_LEVEL</c> (Trace..None) or a command's --verbose lowers the bar.
/// </summary>
public static class CliLogging
{
    public const string LevelVariable = "SANDBOX_LOG_LEVEL";

    public static ILoggerFactory Create(bool verbose = false) =>
        LoggerFactory.Create(logging => logging
            .SetMinimumLevel(MinimumLevel(Environment.GetEnvironmentVariable(LevelVariable), verbose))
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.UseUtcTimestamp = true;
                console.TimestampFormat = "HH:mm:ss ";
            }));

    /// <exception cref="FormatException">The variable is set to something that is not a log level.</exception>
    public static LogLevel MinimumLevel(string? setting, bool verbose)
    {
        if (string.IsNullOrWhiteSpace(setting)) return verbose ? LogLevel.Information : LogLevel.Warning;
        return Enum.TryParse<LogLevel>(setting.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new FormatException($"{LevelVariable}={setting} is not a log level (Trace, Debug, Information, Warning, Error, Critical, None)");
    }
}
