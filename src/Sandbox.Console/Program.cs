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

// --state names the stack's folder: its endpoints.env is the contract to use.
if (options.StateDirectory != null) Environment.SetEnvironmentVariable("SANDBOX_HOME", Path.GetFullPath(options.StateDirectory));
var contract = EndpointsLoader.LoadSettings();
var stateDirectory = options.StateDirectory
    ?? Path.GetDirectoryName(EndpointsLoader.FindEnvFile())
    ?? Path.Combine(Directory.GetCurrentDirectory(), ".sandbox");
var settings = ConsoleSettings.FromContract(contract, stateDirectory) with { Port = options.Port };
if (options.StatementTimeoutSeconds is { } timeout) settings = settings with { StatementTimeout = TimeSpan.FromSeconds(timeout) };
if (options.GridRowCap is { } cap) settings = settings with { GridRowCap = cap };
if (options.RunLeaseSeconds is { } lease) settings = settings with { Refresh = settings.Refresh with { RunLease = TimeSpan.FromSeconds(lease) } };

var app = ConsoleApp.Build(settings);
try
{
    await ConsoleApp.PrepareAsync(app);
}
catch (Npgsql.NpgsqlException error) when (error is not Npgsql.PostgresException)
{
    var target = new Npgsql.NpgsqlConnectionStringBuilder(settings.StateConnectionString);
    await System.Console.Error.WriteLineAsync(
        $"sandbox-console: the stack's PostgreSQL at {target.Host}:{target.Port} does not answer (start it with 'make up'): {error.Message}");
    return 1;
}
await app.RunAsync();
return 0;
