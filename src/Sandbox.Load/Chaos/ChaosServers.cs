using Sandbox.Stack;

namespace Sandbox.Load.Chaos;

/// <summary>The stack servers --chaos kills or stops: the Kinesis engine (found by its port) and the warehouse's PostgreSQL.</summary>
public sealed class ChaosServers(int kinesisPort, PostgresOutage? postgres, StackState state, string runFolder)
{
    public const string Kinesis = "kinesis";

    public PostgresOutage? Postgres => postgres;

    /// <summary>pg_ctl stop, <paramref name="whileDown"/>, pg_ctl restart; the stack's pid file follows the new postmaster.</summary>
    public async Task StopAndStartPostgresAsync(Func<Task> whileDown)
    {
        var before = state.PidOf("postgres");
        await postgres!.StopAsync();
        await whileDown();
        await postgres.StartAsync();
        var postmaster = File.ReadLines(Path.Combine(postgres.DataDirectory, "postmaster.pid")).First().Trim();
        if (before is not null && state.Directory is { } dir) await File.WriteAllTextAsync(Path.Combine(dir, "pids", "postgres.pid"), $"{postmaster}\n");
    }

    private ServerProcess? _engine;

    /// <summary>
    /// SIGKILL, <paramref name="whileDown"/>, then the same command again; the pid file of the stack
    /// follows. The command line is read once, from the engine found on the port: a restarted engine
    /// may be killed again before it listens (a crash loop), by the pid it was started with.
    /// </summary>
    public async Task<(int Killed, int Restarted)> KillAndRestartKinesisAsync(Func<Task> whileDown)
    {
        // After the first kill the engine is the one we started (no `ss` per kill: a kill loop on a busy box is slow enough).
        _engine ??= ServerProcess.Inspect(await ServerProcess.PidListeningOnAsync(kinesisPort)
            ?? throw new InvalidOperationException($"--chaos: no Kinesis engine listens on port {kinesisPort}"));
        var killed = _engine.Pid;
        var pidFileHeldIt = state.PidOf(Kinesis) == killed;
        await _engine.KillHardAsync();
        await whileDown();
        var log = state.Directory is { } dir && Directory.Exists(Path.Combine(dir, "logs")) ? Path.Combine(dir, "logs", "kinesis.log") : Path.Combine(runFolder, "kinesis.log");
        var restarted = await _engine.StartAgainAsync(log);
        _engine = _engine with { Pid = restarted };
        if (pidFileHeldIt) await File.WriteAllTextAsync(Path.Combine(state.Directory!, "pids", $"{Kinesis}.pid"), $"{restarted}\n");
        return (killed, restarted);
    }
}
