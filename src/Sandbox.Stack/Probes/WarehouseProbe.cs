using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Probes;

/// <summary>
/// The warehouse as clients reach it: the Redshift endpoint (sandbox-redshift) relaying to PostgreSQL.
/// Ready once a query goes through; once bootstrapped it also reads Redshift's stl_query.
/// </summary>
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var version = new NpgsqlCommand(
            "select current_setting('server_version'), to_regclass('redshift.stl_query') is not null", connection);
        string server;
        bool bootstrapped;
        await using (var reader = await version.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (server, bootstrapped) = (reader.GetString(0), reader.GetBoolean(1));
        }
        if (!bootstrapped) return $"PostgreSQL {server} (not bootstrapped: no stl_query yet)";
        await using var statements = new NpgsqlCommand("select count(*) from redshift.stl_query", connection);
        return $"PostgreSQL {server}; stl_query: {await statements.ExecuteScalarAsync(cancellationToken)} statements";
    }
}
