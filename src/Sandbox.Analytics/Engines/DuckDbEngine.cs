using DuckDB.NET.Data;
using Sandbox.Analytics.Sql;

namespace Sandbox.Analytics.Engines;

/// <summary>
/// DuckDB over any relation named <c>events</c> with the warehouse's columns (a native table, or the
/// lake's view over the archive). The session time zone is set to UTC so dates are UTC days.
/// </summary>
public sealed class DuckDbEngine : IAnalyticsEngine, IAsyncDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly bool _ownsConnection;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <param name="ownsConnection">Dispose the connection with the engine (e.g. one the lake opened for this report).</param>
    public DuckDbEngine(DuckDBConnection connection, string name = "lake", bool ownsConnection = false)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
        Name = name;
        using var command = connection.CreateCommand();
        command.CommandText = "set TimeZone = 'UTC'; set autoinstall_known_extensions = false;";
        command.ExecuteNonQuery();
    }

    public string Name { get; }
    public SqlDialect Dialect => SqlDialect.DuckDb;

    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        // A DuckDB connection runs one statement at a time.
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            return await RowReader.ReadAllAsync(command, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection) await _connection.DisposeAsync();
        _oneAtATime.Dispose();
    }
}
