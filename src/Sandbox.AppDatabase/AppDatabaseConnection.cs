using MySqlConnector;

namespace Sandbox.AppDatabase;

/// <summary>Opens connections to the app database, turning "not there" into one clear error.</summary>
public static class AppDatabaseConnection
{
    public static async Task<MySqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (MySqlException e)
        {
            await connection.DisposeAsync();
            throw new AppDatabaseUnavailableException(connectionString, e);
        }
    }

    /// <summary>host:port/database of a connection string, without the credentials.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        return $"{builder.Server}:{builder.Port}/{builder.Database}";
    }
}

/// <summary>The app database (SANDBOX_APPDB) refused or did not answer; the message names where and why.</summary>
public sealed class AppDatabaseUnavailableException(string connectionString, MySqlException inner)
    : Exception(
        $"the app database at {AppDatabaseConnection.Describe(connectionString)} (SANDBOX_APPDB) is not available: {inner.Message} " +
        "(start the stack with 'make up')", inner);
