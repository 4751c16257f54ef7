using System.Data;
using System.Text;
using MySqlConnector;
using Sandbox.Sync.Config;

namespace Sandbox.Sync.Source;

/// <summary>
/// The app database (MySQL/MariaDB) side of a table's sync: what the source returns, its primary
/// key, and the rows after a cursor in cursor order, streamed.
/// </summary>
public sealed class AppDbSource : IAsyncDisposable
{
    private readonly MySqlConnection _connection;
    private readonly SyncTableConfig _config;
    private MySqlTransaction? _snapshot;

    private AppDbSource(MySqlConnection connection, SyncTableConfig config)
    {
        _connection = connection;
        _config = config;
    }

    /// <summary>Ids are strings (CHAR(36) is not a Guid), TINYINT(1) is a number, a zero date is an error to report, not a DateTime.MinValue.</summary>
    public static string Normalize(string connectionString) => new MySqlConnectionStringBuilder(connectionString)
    {
        GuidFormat = MySqlGuidFormat.None,
        TreatTinyAsBoolean = false,
        ConvertZeroDateTime = false,
        AllowZeroDateTime = false,
        DateTimeKind = MySqlDateTimeKind.Unspecified,
    }.ConnectionString;

    /// <summary>Where the source is, for messages (no password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        return $"{builder.Server}:{builder.Port}/{builder.Database} as {builder.UserID}";
    }

    public static async Task<AppDbSource> OpenAsync(string connectionString, SyncTableConfig config, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(Normalize(connectionString));
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (MySqlException e)
        {
            await connection.DisposeAsync();
            throw new SourceUnavailableException($"the app database ({Describe(connectionString)}) does not answer: {e.Message}", e);
        }
        return new AppDbSource(connection, config);
    }

    /// <summary>
    /// The columns the source returns (the query runs with LIMIT 0) and, for a table source, its
    /// primary key and nullable columns: one batch, one round trip (the fixed cost of every run).
    /// </summary>
    public async Task<SourceShape> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand($"select * from {From} limit 0", _connection);
        if (_config.SourceTable is not null)
        {
            // Key columns carry their position in the key (null for others); nullability comes from the same rows.
            command.CommandText +=
                """
                ;
                select c.column_name, c.is_nullable = 'YES', k.ordinal_position
                from information_schema.columns c
                left join information_schema.key_column_usage k
                  on k.table_schema = c.table_schema and k.table_name = c.table_name
                 and k.column_name = c.column_name and k.constraint_name = 'PRIMARY'
                where c.table_schema = database() and c.table_name = @table
                """;
            command.Parameters.AddWithValue("@table", _config.SourceTable);
        }
        await using var reader = await ExecuteAsync(command, CommandBehavior.Default, cancellationToken);
        var columns = Columns(reader);
        var key = new SortedList<long, string>();
        var nullable = new HashSet<string>();
        if (await reader.NextResultAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                if (Convert.ToInt64(reader.GetValue(1)) != 0) nullable.Add(name);
                if (!reader.IsDBNull(2)) key.Add(Convert.ToInt64(reader.GetValue(2)), name);
            }
        return new SourceShape(columns, key.Values.ToList(), nullable);
    }

    /// <summary>How many rows a read after <paramref name="after"/> would return (the dry-run's estimate).</summary>
    public async Task<long> CountAsync(IReadOnlyList<string> cursorColumns, Cursor? after, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand { Connection = _connection };
        command.CommandText = $"select count(*) from {From}{Where(cursorColumns, after, command)}";
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// The rows after <paramref name="after"/> (all rows when null), in no particular order: a run
    /// commits all of them or none, so order does not matter, and MySQL need not sort. The read opens
    /// a REPEATABLE READ transaction: one InnoDB snapshot for these rows and <see cref="LastCursorAsync"/>.
    /// </summary>
    public async Task<SourceRows> ReadAsync(IReadOnlyList<string> cursorColumns, Cursor? after, CancellationToken cancellationToken)
    {
        _snapshot ??= await _connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var command = new MySqlCommand { Connection = _connection, Transaction = _snapshot, CommandTimeout = 0 };
        command.CommandText = $"select * from {From}{Where(cursorColumns, after, command)}";
        return new SourceRows(command, await ExecuteAsync(command, CommandBehavior.Default, cancellationToken));
    }

    /// <summary>
    /// The greatest (c1, c2, ...) among the rows <see cref="ReadAsync"/> returned, in MySQL's own
    /// ordering (collations included), from the same snapshot: the next run starts right after it.
    /// </summary>
    public async Task<Cursor?> LastCursorAsync(IReadOnlyList<string> cursorColumns, Cursor? after, CancellationToken cancellationToken)
    {
        if (cursorColumns.Count == 0) return null;
        await using var command = new MySqlCommand { Connection = _connection, Transaction = _snapshot, CommandTimeout = 0 };
        command.CommandText = $"select {string.Join(", ", cursorColumns.Select(Quote))} from {From}{Where(cursorColumns, after, command)} " +
                              $"order by {string.Join(", ", cursorColumns.Select(c => $"{Quote(c)} desc"))} limit 1";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return after;
        var values = new object[cursorColumns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = reader.GetValue(i);
        return new Cursor(cursorColumns, values);
    }

    public async ValueTask DisposeAsync()
    {
        if (_snapshot is not null) await _snapshot.DisposeAsync(); // read-only: rolling back changes nothing
        await _connection.DisposeAsync();
    }

    internal static IReadOnlyList<SourceColumn> Columns(MySqlDataReader reader) =>
        reader.GetColumnSchema().Cast<MySqlDbColumn>().Select((column, ordinal) => new SourceColumn(
            column.ColumnName, ordinal, column.ProviderType, column.DataTypeName ?? column.ProviderType.ToString(),
            column.ColumnSize ?? 0, column.NumericPrecision ?? 0, column.NumericScale ?? 0)).ToList();

    private string From => _config.SourceTable is { } table ? Quote(table) : $"({_config.SourceQuery}) as sync_source";

    /// <summary>
    /// (c1, c2, ...) > (v1, v2, ...) spelled out: c1 >= v1 and (c1 > v1 or (c2 > v2 ...)), whose leading
    /// c1 >= v1 lets MySQL range-scan the (updated_at, pk) index.
    /// </summary>
    private static string Where(IReadOnlyList<string> columns, Cursor? after, MySqlCommand command)
    {
        if (after is null) return "";
        for (var i = 0; i < columns.Count; i++) command.Parameters.AddWithValue($"@c{i}", after.Values[i]);
        var tail = new StringBuilder($"{Quote(columns[^1])} > @c{columns.Count - 1}");
        for (var i = columns.Count - 2; i >= 0; i--)
            tail = new StringBuilder($"{Quote(columns[i])} > @c{i} or ({Quote(columns[i])} = @c{i} and ({tail}))");
        return $" where {Quote(columns[0])} >= @c0 and ({tail})";
    }

    private async Task<MySqlDataReader> ExecuteAsync(MySqlCommand command, CommandBehavior behavior, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(behavior, cancellationToken);
        }
        catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.NoSuchTable or MySqlErrorCode.ParseError or MySqlErrorCode.BadFieldError)
        {
            throw new InvalidOperationException($"{_config.File}: the source {_config.SourceDescription} cannot be read: {e.Message}", e);
        }
    }

    private static string Quote(string identifier) => $"`{identifier}`";
}

/// <summary>The app database did not answer: nothing was read, nothing changes.</summary>
public sealed class SourceUnavailableException(string message, Exception inner) : InvalidOperationException(message, inner);
