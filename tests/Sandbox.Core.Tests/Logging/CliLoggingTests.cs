using Microsoft.Extensions.Logging;
using Sandbox.Core.Logging;

namespace Sandbox.Core.Tests.Logging;

public class CliLoggingTests
{
    [Theory]
    [InlineData(null, false, LogLevel.Warning)]
    [InlineData("", true, LogLevel.Information)]
    [InlineData("debug", false, LogLevel.Debug)]
    [InlineData(" Error ", true, LogLevel.Error)]
    public void The_level_comes_from_the_variable_else_from_verbose(string? setting, bool verbose, LogLevel expected) =>
        Assert.Equal(expected, CliLogging.MinimumLevel(setting, verbose));

    [Theory]
    [InlineData("loud")]
    [InlineData("42")]
    public void A_setting_that_is_not_a_level_is_named_in_the_error(string setting)
    {
        var error = Assert.Throws<FormatException>(() => CliLogging.MinimumLevel(setting, verbose: false));
        Assert.Contains($"SANDBOX_LOG_LEVEL={setting}", error.Message);
    }

    [Fact]
    public void The_factory_logs_warnings_but_not_information_by_default()
    {
        using var loggers = CliLogging.Create();
        var logger = loggers.CreateLogger("test");
        Assert.Equal(Environment.GetEnvironmentVariable(CliLogging.LevelVariable) is null, !logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning) || Environment.GetEnvironmentVariable(CliLogging.LevelVariable) is not null);
    }
}
