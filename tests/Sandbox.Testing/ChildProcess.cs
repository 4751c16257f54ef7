using System.Diagnostics;
using System.Text;

namespace Sandbox.Testing;

/// <summary>
/// A long-running command started in the background for fault tests: its output is collected as it
/// comes, and it can be killed with SIGKILL (no shutdown code runs, as on a crash or an OOM kill)
/// or asked to stop with SIGTERM. <see cref="ProcessRunner"/> is for commands run to completion.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ChildProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string CommandLine { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public TimeSpan Elapsed => _clock.Elapsed;
    public string StandardOutput { get { lock (_stdout) return _stdout.ToString(); } }
    public string StandardError { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Both streams, labelled, for failure messages.</summary>
    public string Output => $"$ {CommandLine}\n--- stdout\n{StandardOutput}--- stderr\n{StandardError}";

    public static ChildProcess Start(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryRoot.Path,
        };
        var list = arguments.ToList();
        foreach (var argument in list) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return new ChildProcess(Process.Start(start)!, $"{fileName} {string.Join(' ', list)}");
    }

    /// <summary>SIGKILL, then waits until the OS has reaped it.</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM (a graceful stop) and the exit code; SIGKILL if it has not exited within <paramref name="timeout"/>.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!)
                await kill.WaitForExitAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            KillHard();
            throw new TimeoutException($"{CommandLine} did not stop within {timeout.TotalSeconds:N0} s of SIGTERM\n{Output}");
        }
        _process.WaitForExit(); // lets the output readers finish
        return _process.ExitCode;
    }

    /// <summary>The exit code once it exits on its own; SIGKILL and a TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            KillHard();
            throw new TimeoutException($"{CommandLine} did not finish within {timeout.TotalSeconds:N0} s\n{Output}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits until <paramref name="text"/> shows in the process's stdout (a line it prints once its
    /// handlers are in place); false when it exits or <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<bool> PrintsWithinAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline) return StandardOutput.Contains(text, StringComparison.Ordinal);
            await Task.Delay(50);
        }
        return true;
    }

    /// <summary>Completes when the process exits, or when <paramref name="delay"/> passes; true if it exited.</summary>
    public async Task<bool> ExitsWithinAsync(TimeSpan delay)
    {
        var exited = _process.WaitForExitAsync();
        return await Task.WhenAny(exited, Task.Delay(delay)) == exited;
    }

    public ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
