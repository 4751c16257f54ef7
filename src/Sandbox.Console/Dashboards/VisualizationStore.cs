using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Sandbox.Console.Api;

namespace Sandbox.Console.Dashboards;

/// <summary>One visualization per saved query (console.query_visualizations); none means "chosen from the result's column types".</summary>
public sealed class VisualizationStore(NpgsqlDataSource dataSource)
{
    public async Task<Visualization?> FindAsync(int queryId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("select spec::text from console.query_visualizations where query_id = $1");
        command.Parameters.Add(new() { Value = queryId });
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<Visualization>(json, ConsoleJson.Options) : null;
    }

    public async Task SaveAsync(int queryId, Visualization visualization, CancellationToken ct = default)
    {
        visualization.Check();
        await using var command = dataSource.CreateCommand(
            """
            insert into console.query_visualizations (query_id, spec) values ($1, $2)
            on conflict (query_id) do update set spec = excluded.spec, updated_at = now()
            """);
        command.Parameters.Add(new() { Value = queryId });
        command.Parameters.Add(new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(visualization, ConsoleJson.Options) });
        await command.ExecuteNonQueryAsync(ct);
    }
}
