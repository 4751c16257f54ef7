using System.Security.Cryptography;
using MySqlConnector;

namespace Sandbox.Testing;

/// <summary>
/// A MariaDB server of a test's own (Debian's mariadb-server: mariadb-install-db into a throwaway
/// folder, mariadbd on a spare loopback port), playing the app database ("RDS for MySQL") without
/// touching the stack's. Database <c>app</c>; an admin with every right and a read-only
/// <c>sync_reader</c>, both with generated passwords. Stopping it is a real outage.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private const string Server = "/usr/sbin/mariadbd";
    private const string InstallDb = "/usr/bin/mariadb-install-db";
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _root;
    private readonly string _adminPassword = Secret();
    private readonly string _readerPassword = Secret();
    private ChildProcess? _server;

    private PrivateMariaDb(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public static bool Available => File.Exists(Server) && File.Exists(InstallDb);

    public int Port { get; }
    public string Database => "app";
    private string DataDirectory => Path.Combine(_root, "data");
    private string ErrorLog => Path.Combine(_root, "error.log");

    /// <summary>All rights (schema, test data).</summary>
    public string AdminConnectionString => Connection("sandbox_admin", _adminPassword);

    /// <summary>SELECT on the app database only, as the sync's role.</summary>
    public string ReaderConnectionString => Connection("sync_reader", _readerPassword);

    public static async Task<PrivateMariaDb> StartAsync()
    {
        if (!Available) throw new InvalidOperationException($"MariaDB is not installed ({Server}): run 'make deps' (Debian mariadb-server)");
        var root = Directory.CreateTempSubdirectory("sandbox-tests-mariadb-").FullName;
        var server = new PrivateMariaDb(root, FreeLoopbackPort.Next());
        try
        {
            var install = await ProcessRunner.RunAsync(InstallDb,
                ["--no-defaults", $"--datadir={server.DataDirectory}", .. UserOption, "--auth-root-authentication-method=normal",
                 "--skip-test-db", "--skip-name-resolve", .. FastOptions], timeout: TimeSpan.FromMinutes(2));
            if (install.ExitCode != 0) throw new InvalidOperationException($"mariadb-install-db failed ({install.ExitCode}):\n{install.Output}");
            await File.WriteAllTextAsync(Path.Combine(root, "init.sql"),
                $"""
                 create database if not exists app character set utf8mb4;
                 create user if not exists 'sandbox_admin'@'127.0.0.1' identified by '{server._adminPassword}';
                 grant all on *.* to 'sandbox_admin'@'127.0.0.1' with grant option;
                 create user if not exists 'sync_reader'@'127.0.0.1' identified by '{server._readerPassword}';
                 grant select on app.* to 'sync_reader'@'127.0.0.1';
                 """);
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>A clean shutdown (SIGTERM): the port stops answering until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_server is null) return;
        await _server.TerminateAsync(TimeSpan.FromSeconds(60));
        await _server.DisposeAsync();
        _server = null;
    }

    /// <summary>Starts mariadbd on the same port and data, and waits until the admin can log in.</summary>
    public async Task StartAgainAsync()
    {
        _server = ChildProcess.Start(Server,
        [
            "--no-defaults", .. UserOption, $"--datadir={DataDirectory}", $"--port={Port}", "--bind-address=127.0.0.1",
            $"--socket={Path.Combine(_root, "mariadb.sock")}", $"--pid-file={Path.Combine(_root, "mariadb.pid")}",
            $"--log-error={ErrorLog}", "--skip-name-resolve", $"--init-file={Path.Combine(_root, "init.sql")}",
            "--innodb-buffer-pool-size=128M", .. FastOptions,
        ], workingDirectory: _root);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await AnswersAsync())
        {
            if (_server.HasExited || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"mariadbd on 127.0.0.1:{Port} did not come up:\n{_server.Output}\n{LogTail()}");
            await Task.Delay(100);
        }
    }

    public async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new MySqlConnection(AdminConnectionString + ";Connection Timeout=3");
            await connection.OpenAsync();
            return true;
        }
        catch (MySqlException)
        {
            return false;
        }
    }

    /// <summary>A fresh database of a test's own, readable by sync_reader; the connection strings name it.</summary>
    public async Task<(string Admin, string Reader)> CreateDatabaseAsync(string prefix = "app")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..32];
        await ExecuteAsync($"create database {name} character set utf8mb4; grant select on {name}.* to 'sync_reader'@'127.0.0.1';");
        return (Connection("sandbox_admin", _adminPassword, name), Connection("sync_reader", _readerPassword, name));
    }

    /// <summary>Runs statements as the admin (schema, test rows), in the app database unless a connection string names another.</summary>
    public async Task ExecuteAsync(string sql, string? connectionString = null)
    {
        await using var connection = new MySqlConnection(connectionString ?? AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        if (_server is not null) await _server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { } // a file still being closed: the OS cleans temp up
    }

    private string Connection(string user, string password, string? database = null) =>
        $"Server=127.0.0.1;Port={Port};User ID={user};Password={password};Database={database ?? Database};Pooling=false;AllowUserVariables=true";

    private string LogTail() => File.Exists(ErrorLog) ? string.Join('\n', File.ReadLines(ErrorLog).TakeLast(20)) : "(no error log)";

    // mariadbd refuses to run as root unless told to; any other user runs it as themselves.
    private static string[] UserOption => IsRoot ? ["--user=root"] : [];

    // A throwaway server: no fsync, small redo log (a crash loses it anyway).
    private static readonly string[] FastOptions = ["--innodb-log-file-size=16M", "--innodb-flush-method=nosync", "--innodb-doublewrite=0"];

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
