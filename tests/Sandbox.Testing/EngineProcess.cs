using System.Diagnostics;
using System.Globalization;
using Sandbox.Hosting;

namespace Sandbox.Testing;

/// <summary>
/// sandbox-kinesis run as a child process (<c>dotnet sandbox-kinesis.dll ...</c>), for the tests and
/// benchmarks that need the real process: a SIGKILL, a restart on the same port and data folder, its
/// memory. It waits for the one stdout line the engine prints once requests are accepted:
/// <see cref="ServerMain.ListeningPrefix"/> and the URL.
/// </summary>
public sealed class EngineProcess : IDisposable
{
    /// <summary>Enough for any error message and the last log lines before it, without growing over a long run.</summary>
    private const int StderrLinesKept = 200;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private string _name = "sandbox-kinesis";

    private EngineProcess(Process process, Action<string>? onStderrLine)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                if (_stderr.Count > StderrLinesKept) _stderr.Dequeue();
            }
            onStderrLine?.Invoke(e.Data);
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The engine build copied next to every project that references Sandbox.Testing (its reference to the engine).</summary>
    public static string DefaultDll => Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll");

    /// <summary>Set by <see cref="StartAsync"/> once the engine listens; null after a bare <see cref="Launch(string[])"/>.</summary>
    public Uri? Url { get; private set; }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the engine wrote to stderr (its log and its error messages).</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr) return string.Concat(_stderr.Select(line => line + "\n"));
        }
    }

    /// <summary>Starts <see cref="DefaultDll"/> with these arguments and does not wait: for command lines the engine must refuse.</summary>
    public static EngineProcess Launch(params string[] arguments) => Launch(DefaultDll, arguments, onStderrLine: null);

    /// <summary>Starts <paramref name="dll"/> with these arguments and does not wait; every stderr line also goes to <paramref name="onStderrLine"/>.</summary>
    public static EngineProcess Launch(string dll, IEnumerable<string> arguments, Action<string>? onStderrLine)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is missing: build the engine's project (src/Sandbox.Kinesis.Server, src/Sandbox.DynamoDb.Server)", dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new EngineProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), onStderrLine);
    }

    /// <summary>
    /// Starts the engine on 127.0.0.1 (<paramref name="port"/> 0 picks a free one) over
    /// <paramref name="dataDirectory"/> and waits for its listening line; throws with its stderr if it does not listen.
    /// </summary>
    public static Task<EngineProcess> StartAsync(
        string dataDirectory, int port = 0, bool limits = false, string? dll = null, Action<string>? onStderrLine = null) =>
        StartAsync(dll ?? DefaultDll,
            ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory, "--limits", limits ? "on" : "off"],
            onStderrLine);

    /// <summary>
    /// Starts any of our engines that print <see cref="ServerMain.ListeningPrefix"/> + URL once they accept requests
    /// (sandbox-kinesis, sandbox-dynamodb) and waits for that line; throws with its stderr if it does not listen.
    /// </summary>
    public static async Task<EngineProcess> StartAsync(string dll, IEnumerable<string> arguments, Action<string>? onStderrLine = null)
    {
        var engine = Launch(dll, arguments, onStderrLine);
        engine._name = Path.GetFileNameWithoutExtension(dll);
        try
        {
            engine.Url = await engine.ReadListeningUrlAsync();
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    private async Task<Uri> ReadListeningUrlAsync()
    {
        string? line;
        try
        {
            line = await _process.StandardOutput.ReadLineAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{_name} printed nothing within {StartTimeout.TotalSeconds:N0} s, stderr:\n{Stderr}");
        }
        if (line is null) // stdout closed: the engine exited; its stderr says why once fully read
            await _process.WaitForExitAsync().WaitAsync(StartTimeout);
        if (line is null || !line.StartsWith(ServerMain.ListeningPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"{_name} did not start: first line '{line}', stderr:\n{Stderr}");
        // Nothing else is expected on stdout, but a full pipe would block the engine: keep it drained.
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        return new Uri(line[ServerMain.ListeningPrefix.Length..]);
    }

    /// <summary>The exit code once the engine exits; a <see cref="TimeoutException"/> if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, then waits until the OS has reaped it: no flush, no shutdown code runs (a crash, an OOM kill).</summary>
    public void KillHard()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the engine stops accepting, finishes requests, fsyncs and exits 0.</summary>
    public void Terminate()
    {
        if (_process.HasExited) return;
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGTERM, and SIGKILL if it has not exited within <paramref name="grace"/>; the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        Terminate();
        try
        {
            return await WaitForExitAsync(grace);
        }
        catch (TimeoutException)
        {
            KillHard();
            return _process.ExitCode;
        }
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
    }
}
