using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Sandbox.Load.Processes;

/// <summary>
/// One box of the pipeline run as its own `sandbox` child process (shipper, Firehose host, click-log
/// host), with the run's environment. Output lines go to a log file under the run folder and to
/// <see cref="LineReceived"/>; it can be SIGKILLed (as a crash) and started again with the same
/// arguments, or stopped with SIGTERM.
/// </summary>
public sealed partial class BoxProcess(string name, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile)
    : IAsyncDisposable
{
    private Process? _process;
    private StreamWriter? _log;
    private readonly Queue<string> _tail = new();

    public string Name => name;
    public int Starts { get; private set; }
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    public bool Running => _process is { HasExited: false };
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;
    public string CommandLine => $"sandbox {string.Join(' ', arguments)}";

    /// <summary>It printed a line since its last start: up (the boxes print one once running).</summary>
    public bool PrintedSinceStart { get; private set; }

    /// <summary>Raised at each start, before any line of it (the shipper's counters restart from zero).</summary>
    public event Action? Started;

    /// <summary>Every stdout/stderr line, from the reader threads (handlers must be thread-safe).</summary>
    public event Action<string>? LineReceived;

    /// <summary>The last lines it printed, for error messages.</summary>
    public string Tail
    {
        get { lock (_tail) return string.Join('\n', _tail); }
    }

    /// <summary>Starts it (again); a no-op while it runs (two restarters never make two processes).</summary>
    public void Start()
    {
        if (Running) return;
        var (file, prefix) = SandboxExecutable();
        // Stdin is a pipe only this process writes to: when it dies, even SIGKILLed, the child reads end of
        // file and stops (the CLI's parent watch), so no box outlives the load.
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(arguments)) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.Environment[ExitWithParentVariable] = "stdin";
        PrintedSinceStart = false;
        Started?.Invoke();
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {CommandLine}");
        Starts++;
        if (_log is { } previous) lock (previous) previous.Dispose();
        var log = _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        lock (log) log.WriteLine($"--- start #{Starts} (pid {process.Id}) at {DateTime.UtcNow:O}: {CommandLine}");
        void Received(string? line)
        {
            if (line is null) return;
            // Lines of a killed process may still drain after the next start replaced the log writer.
            lock (log)
                try { log.WriteLine(line); } catch (Exception e) when (e is ObjectDisposedException or IOException) { } // a full disk must not end the run
            lock (_tail)
            {
                _tail.Enqueue(line);
                while (_tail.Count > 20) _tail.Dequeue();
            }
            PrintedSinceStart = true;
            LineReceived?.Invoke(line);
        }
        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public void KillHard()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>SIGTERM, then waits (SIGKILL after <paramref name="timeout"/>); the exit code.</summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (_process is null) return null;
        if (!_process.HasExited) _ = Kill(_process.Id, Sigterm);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
        }
        return _process.ExitCode;
    }

    /// <summary>Until it exits on its own (SIGKILL after <paramref name="timeout"/>); its exit code.</summary>
    public async Task<int?> WaitAsync(TimeSpan timeout)
    {
        if (_process is null) return null;
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            KillHard();
            return null;
        }
    }

    /// <summary>`dotnet sandbox.dll` when this runs under dotnet, else this executable.</summary>
    private static (string File, string[] Prefix) SandboxExecutable()
    {
        var host = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? (host, [Assembly.GetEntryAssembly()!.Location])
            : (host, []);
    }

    public async ValueTask DisposeAsync()
    {
        if (Running) await StopAsync(TimeSpan.FromSeconds(30));
        _process?.Dispose();
        if (_log is { } log) lock (log) log.Dispose();
    }

    private const int Sigterm = 15;

    /// <summary>Read by the `sandbox` CLI (Sandbox.Cli's ParentWatch): end with the process holding our stdin.</summary>
    public const string ExitWithParentVariable = "SANDBOX_EXIT_WITH_PARENT";

    /// <summary>
    /// The runtime settings of the long-running boxes of a run (shipper, Firehose host, click-log host):
    /// optimized code from the first call (no tier-0 code compiled again later) and no background GC thread.
    /// Together -20 % CPU per event for the Firehose and click-log hosts in `sandbox load` runs
    /// (docs/BENCHMARKS.md, "CPU per event, our processes"); not in the CLI's runtimeconfig, where they would
    /// double the start-up CPU of every short command.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LongRunningRuntime = new Dictionary<string, string>
    {
        ["DOTNET_TieredCompilation"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
    };

    /// <summary>The run's environment with <see cref="LongRunningRuntime"/> (the caller's own settings win).</summary>
    public static IReadOnlyDictionary<string, string> LongRunning(IReadOnlyDictionary<string, string> environment) =>
        LongRunningRuntime.Where(kv => !environment.ContainsKey(kv.Key)).Concat(environment).ToDictionary();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);
}
