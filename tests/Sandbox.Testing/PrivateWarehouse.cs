using System.Net;
using Npgsql;
using Sandbox.Redshift.Hosting;
using Sandbox.Redshift.QueryLog;
using Sandbox.Redshift.Rewriting;

namespace Sandbox.Testing;

/// <summary>
/// A PostgreSQL 15 cluster of a test's own (initdb in a throwaway folder, a spare loopback port),
/// started and stopped with pg_ctl like compose/native/lib/warehouse.sh does for the stack: a
/// warehouse outage that is a real stopped server, without touching the shared one. As root,
/// initdb and pg_ctl run as the postgres user (they refuse root), which then owns the folder.
/// Locked like the stack's: SCRAM passwords for every role, the contract's roles made by the same
/// compose/warehouse/roles.sql, passwords generated per cluster. With a Redshift front (as the stack
/// has on its warehouse port), the role connection strings go through it: Firehose's COPY ... MANIFEST
/// is Redshift SQL that only the front speaks; stopping the cluster leaves the front refusing sessions.
/// </summary>
public sealed class PrivateWarehouse : IAsyncDisposable
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private static readonly bool IsRoot = Environment.UserName == "root";
    private readonly string _root;
    private readonly string _superuserPassword = NewPassword();
    private readonly string _adminPassword = NewPassword();
    private readonly string _deliveryPassword = NewPassword();
    private readonly string _analystPassword = NewPassword();

    private RedshiftFront? _front;

    private PrivateWarehouse(string root, int port)
    {
        _root = root;
        Port = port;
    }

    /// <summary>PostgreSQL's own port (what the stack calls POSTGRES_PORT).</summary>
    public int Port { get; }

    /// <summary>Where clients connect: the Redshift front if there is one, else PostgreSQL.</summary>
    public int ClientPort => _front?.EndPoint.Port ?? Port;
    public string DataDirectory => Path.Combine(_root, "data");
    public string LogPath => Path.Combine(_root, "postgres.log");

    /// <summary>sandbox_admin on the maintenance database of the cluster; create databases for the run on it.</summary>
    public string ServerConnectionString => As("sandbox_admin", _adminPassword);

    /// <summary>The pipeline's role (sandbox_delivery); set the database with the run's.</summary>
    public string DeliveryConnectionString => As("sandbox_delivery", _deliveryPassword);

    public string AnalystConnectionString => As("analyst", _analystPassword);

    /// <summary>The cluster's superuser (`postgres`), for tests that set up roles or pg_hba of their own.</summary>
    public string SuperuserConnectionString => Direct("postgres", _superuserPassword);

    private string As(string role, string password) =>
        $"Host=127.0.0.1;Port={ClientPort};Username={role};Password={password};Database=postgres;Pooling=false";

    private string Direct(string role, string password) =>
        $"Host=127.0.0.1;Port={Port};Username={role};Password={password};Database=postgres;Pooling=false";

    public static bool Available => File.Exists(Path.Combine(BinDirectory, "pg_ctl"));

    /// <param name="redshiftFront">Put a sandbox-redshift front (in this process) before the cluster, as the stack does.</param>
    public static async Task<PrivateWarehouse> StartAsync(bool redshiftFront = false)
    {
        if (!Available) throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/pg_ctl): run 'make deps'");
        var root = Directory.CreateTempSubdirectory("sandbox-tests-warehouse-").FullName;
        var warehouse = new PrivateWarehouse(root, FreeLoopbackPort.Next());
        var passwordFile = Path.Combine(root, "superuser.pw");
        await File.WriteAllTextAsync(passwordFile, warehouse._superuserPassword + "\n");
        if (IsRoot)
        {
            // CreateTempSubdirectory makes it 700 root: postgres has to own it.
            await RunAsync("chown", ["-R", "postgres:", root]);
        }
        try
        {
            await warehouse.PgAsync("initdb", ["-D", warehouse.DataDirectory, "-U", "postgres", "--pwfile", passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"]);
            File.Delete(passwordFile);
            await warehouse.StartAgainAsync();
            await warehouse.CreateRolesAsync();
            if (redshiftFront) warehouse.StartFront(new DialectStatementRewriter(), new NoStatementLog(), warehouse.DeliveryDirectConnectionString);
        }
        catch
        {
            await warehouse.DisposeAsync();
            throw;
        }
        return warehouse;
    }

    /// <summary>
    /// Puts a sandbox-redshift front (in this process, on a free port) before the cluster, as the stack has on its
    /// warehouse port: the role connection strings then go through it. <paramref name="loadLogConnectionString"/> reaches
    /// PostgreSQL directly (stl_load_errors, stl_load_commits). The front stops with the cluster.
    /// </summary>
    public RedshiftFront StartFront(IStatementRewriter rewriter, IQueryLogSink log, string loadLogConnectionString)
    {
        if (_front != null) throw new InvalidOperationException("this warehouse already has a Redshift front");
        _front = RedshiftFront.Start(
            new FrontOptions(IPAddress.Loopback, 0, new IPEndPoint(IPAddress.Loopback, Port), loadLogConnectionString), rewriter, log);
        return _front;
    }

    private string DeliveryDirectConnectionString => Direct("sandbox_delivery", _deliveryPassword);

    // The stack's roles.sql, its passwords set as psql variables by a file only root/postgres read.
    private async Task CreateRolesAsync()
    {
        var script = Path.Combine(_root, "roles.psql");
        await File.WriteAllTextAsync(script,
            $"\\set admin_password {_adminPassword}\n\\set delivery_password {_deliveryPassword}\n" +
            $"\\set analyst_password {_analystPassword}\n\\set analyst_timeout 120s\n" +
            $"\\i {RepositoryRoot.Combine("compose", "warehouse", "roles.sql")}\n");
        var result = await ProcessRunner.RunAsync(Path.Combine(BinDirectory, "psql"),
            ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", script, $"host=127.0.0.1 port={Port} user=postgres dbname=postgres"],
            new Dictionary<string, string> { ["PGPASSWORD"] = _superuserPassword });
        File.Delete(script);
        if (result.ExitCode != 0) throw new InvalidOperationException($"creating the warehouse roles failed:\n{result.Output}");
    }

    private static string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

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
        if (_front != null) await _front.DisposeAsync();
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

    /// <summary>The fault tests check delivery, not the front's statement log (its own tests do).</summary>
    private sealed class NoStatementLog : IQueryLogSink
    {
        public void Record(QueryLogEntry entry) { }
    }

    private static async Task RunAsync(string fileName, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed:\n{result.Output}");
    }
}
