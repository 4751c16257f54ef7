using MySqlConnector;

namespace Sandbox.AppDatabase.Loading;

/// <summary>Loads <see cref="TsvRows"/> into a table with LOAD DATA LOCAL INFILE (the connection needs AllowLoadLocalInfile=true).</summary>
public static class TableLoader
{
    public static async Task<int> LoadAsync(MySqlConnection connection, string table, IReadOnlyList<string> columns, TsvRows rows, CancellationToken cancellationToken = default)
    {
        await using var source = rows.ToStream();
        var loader = new MySqlBulkLoader(connection)
        {
            TableName = $"`{table}`",
            Local = true,
            SourceStream = source,
            FieldTerminator = "\t",
            LineTerminator = "\n",
            EscapeCharacter = '\\',
            CharacterSet = "utf8mb4",
            ConflictOption = MySqlBulkLoaderConflictOption.None,
        };
        loader.Columns.AddRange(columns);
        var loaded = await loader.LoadAsync(cancellationToken);
        if (loaded != rows.Rows)
            throw new InvalidOperationException($"app database table {table}: loaded {loaded} of {rows.Rows} rows (the server skipped or merged some)");
        return loaded;
    }
}
