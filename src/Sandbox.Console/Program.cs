using Sandbox.Console.Hosting;
using Sandbox.Core.Endpoints;

// sandbox-console: the Sandbox Console (issue #14) on 127.0.0.1; see README.md.
ConsoleOptions options;
try
{
    options = ConsoleOptions.Parse(args);
}
catch (ArgumentException error)
{
    await System.Console.Error.WriteLineAsync($"sandbox-console: {error.Message}");
    return 2;
}

var contract = EndpointsLoader.LoadSettings();
var stateDirectory = options.StateDirectory
    ?? Path.GetDirectoryName(EndpointsLoader.FindEnvFile())
    ?? Path.Combine(Directory.GetCurrentDirectory(), ".sandbox");
var settings = ConsoleSettings.FromContract(contract, stateDirectory) with { Port = options.Port };
if (options.StatementTimeoutSeconds is { } timeout) settings = settings with { StatementTimeout = TimeSpan.FromSeconds(timeout) };
if (options.GridRowCap is { } cap) settings = settings with { GridRowCap = cap };

var app = ConsoleApp.Build(settings, anyInterface: options.Container);
await ConsoleApp.PrepareAsync(app);
await app.RunAsync();
return 0;
