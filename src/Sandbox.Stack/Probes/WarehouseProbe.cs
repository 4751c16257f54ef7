using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Probes;

public sealed class WarehouseProbe(NpgsqlDataSource dataSource, SandboxEndpoints endpoints) : IServiceProbe
{
    public string Service => "warehouse";

    public Uri? Endpoint
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(endpoints.WarehouseConnectionString);
            return new Uri($"postgresql://{builder.Host}:{builder.Port}/{builder.Database}");
        }
    }

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select current_setting('server_version')");
        return $"PostgreSQL {await command.ExecuteScalarAsync(cancellationToken)}";
    }
}
