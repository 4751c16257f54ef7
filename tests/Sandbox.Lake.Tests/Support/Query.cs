using DuckDB.NET.Data;

namespace Sandbox.Lake.Tests.Support;

public static class Query
{
    public static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static long Count(DuckDBConnection connection, string sql) => Convert.ToInt64(Scalar(connection, sql));
}
