using Npgsql;
using Sandbox.Analytics.Sql;

namespace Sandbox.Analytics.Engines;

/// <summary>The warehouse: PostgreSQL playing Redshift.</summary>
public sealed class WarehouseEngine(NpgsqlDataSource dataSource) : IAnalyticsEngine
{
    public string Name => "warehouse";
    public SqlDialect Dialect => SqlDialect.Postgres;

    /// <summary>Analytical queries over millions of rows; the default 30 s would cut them off.</summary>
    public int CommandTimeoutSeconds { get; init; } = 600;

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = CommandTimeoutSeconds;
        return await RowReader.ReadAllAsync(command, cancellationToken);
    }
}
