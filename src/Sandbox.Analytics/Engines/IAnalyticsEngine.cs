using Sandbox.Analytics.Sql;

namespace Sandbox.Analytics.Engines;

/// <summary>Somewhere an <c>events</c> relation lives: the warehouse (PostgreSQL) or the lake (DuckDB).</summary>
public interface IAnalyticsEngine
{
    /// <summary>"warehouse" or "lake": how reports name the source.</summary>
    string Name { get; }

    SqlDialect Dialect { get; }

    Task<IReadOnlyList<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken = default);
}
