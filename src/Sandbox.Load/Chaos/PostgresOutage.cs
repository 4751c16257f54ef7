namespace Sandbox.Load.Chaos;

/// <summary>
/// Stops the PostgreSQL server behind the warehouse and starts it again, as the native stack does
/// (compose/native/lib/warehouse.sh): pg_ctl on its data folder, as the folder's owner when we are
/// root (pg_ctl refuses root). `pg_ctl restart` on a stopped server starts it with the options of
/// its last start (postmaster.opts): port, listen address, socket folder.
/// </summary>
public sealed class PostgresOutage(string dataDirectory, string pgCtl)
{
    public string DataDirectory => dataDirectory;

    /// <summary>The server listening on <paramref name="port"/>: its data folder from its command line (-D).</summary>
    public static async Task<PostgresOutage> FindAsync(int port)
    {
        var pid = await ServerProcess.PidListeningOnAsync(port)
            ?? throw new InvalidOperationException($"--chaos: no PostgreSQL listens on 127.0.0.1:{port} (POSTGRES_PORT) to stop");
        var server = ServerProcess.Inspect(pid);
        var data = server.CommandLine.SkipWhile(a => a != "-D").Skip(1).FirstOrDefault()
            ?? throw new InvalidOperationException($"--chaos: the process on port {port} (pid {pid}: {string.Join(' ', server.CommandLine)}) has no -D data folder: not a PostgreSQL server");
        return new PostgresOutage(Path.IsPathRooted(data) ? data : Path.Combine(server.WorkingDirectory, data),
            Path.Combine(Path.GetDirectoryName(server.CommandLine[0])!, "pg_ctl"));
    }

    public Task StopAsync() => PgCtlAsync("-D", dataDirectory, "-m", "fast", "-w", "stop");

    public Task StartAsync() =>
        PgCtlAsync("-D", dataDirectory, "-l", Path.Combine(Path.GetDirectoryName(dataDirectory.TrimEnd('/'))!, "postgres.log"), "-w", "-t", "60", "restart");

    private async Task PgCtlAsync(params string[] arguments)
    {
        var owner = (await ServerProcess.RunAsync("stat", ["-c", "%U", dataDirectory])).Trim();
        if (Environment.UserName == "root" && owner != "root") await ServerProcess.RunAsync("runuser", ["-u", owner, "--", pgCtl, .. arguments]);
        else await ServerProcess.RunAsync(pgCtl, arguments);
    }
}
