using Npgsql;

namespace Sandbox.Testing;

/// <summary>
/// A PostgreSQL 15 cluster of a test's own (initdb in a throwaway folder, a spare loopback port),
/// started and stopped with pg_ctl like compose/native/lib/warehouse.sh does for the stack: a
/// warehouse outage that is a real stopped server, without touching the shared one. As root,
/// initdb and pg_ctl run as the postgres user (they refuse root), which then owns the folder.
/// </summary>
public sealed class PrivateWarehouse : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _root;

    private PrivateWarehouse(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }
    public string DataDirectory => Path.Combine(_root, "data");
    public string LogPath => Path.Combine(_root, "postgres.log");

    /// <summary>The maintenance database of the cluster; create databases for the run on it.</summary>
    public string ServerConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=sandbox;Password=sandbox;Database=postgres;Pooling=false";

    public static bool Available => File.Exists(Path.Combine(BinDirectory, "pg_ctl"));

    public static async Task<PrivateWarehouse> StartAsync()
    {
        if (!Available) throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/pg_ctl): run 'make deps'");
        var root = Directory.CreateTempSubdirectory("sandbox-tests-warehouse-").FullName;
        if (IsRoot)
        {
            // CreateTempSubdirectory makes it 700 root: postgres has to own it.
            await RunAsync("chown", ["postgres:", root]);
        }
        var warehouse = new PrivateWarehouse(root, FreeLoopbackPort.Next());
        try
        {
            await warehouse.PgAsync("initdb", ["-D", warehouse.DataDirectory, "-U", "sandbox", "--auth=trust", "-E", "UTF8", "--no-locale"]);
            await warehouse.StartAgainAsync();
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
        return warehouse;
    }

    /// <summary>pg_ctl stop -m fast: open connections are cut, the port stops answering until <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => PgAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>pg_ctl start on the same port and data (the first start is part of <see cref="StartAsync"/>).</summary>
    public Task StartAgainAsync() => PgAsync("pg_ctl",
        ["-D", DataDirectory, "-l", LogPath, "-w", "-t", "60", "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {DataDirectory}", "start"]);

    public bool IsRunning => File.Exists(Path.Combine(DataDirectory, "postmaster.pid"));

    public async Task<bool> AnswersAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ServerConnectionString + ";Timeout=3");
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (IsRunning)
        {
            try { await PgAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]); }
            catch (InvalidOperationException) { } // already gone: the folder goes anyway
        }
        Directory.Delete(_root, recursive: true);
    }

    private async Task PgAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        var result = IsRoot
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], timeout: TimeSpan.FromMinutes(2))
            : await ProcessRunner.RunAsync(path, arguments, timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            var log = File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(20)) : "(no log yet)";
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}\nlog:\n{log}");
        }
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed:\n{result.Output}");
    }
}
