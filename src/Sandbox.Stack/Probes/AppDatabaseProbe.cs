using MySqlConnector;
using Sandbox.AppDatabase;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Probes;

/// <summary>The app database ("RDS for MySQL"): a real query as the contract's role, not a port check.</summary>
public sealed class AppDatabaseProbe(SandboxEndpoints endpoints) : IServiceProbe
{
    public string Service => "appdb";

    public Uri? Endpoint => new($"mysql://{AppDatabaseConnection.Describe(endpoints.AppDatabaseConnectionString)}");

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(endpoints.AppDatabaseConnectionString, cancellationToken);
        await using var command = new MySqlCommand("select version()", connection);
        return $"MySQL-compatible {await command.ExecuteScalarAsync(cancellationToken)}";
    }
}
