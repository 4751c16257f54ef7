using System.Diagnostics;
using System.Text;

namespace Sandbox.Kinesis.Server.Tests.Support;

/// <summary>sandbox-kinesis started as a real process (dotnet sandbox-kinesis.dll) from the test output folder.</summary>
public sealed class EngineProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private EngineProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    public Uri? Url { get; private set; }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public static EngineProcess Launch(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return new EngineProcess(Process.Start(info)!);
    }

    /// <summary>Starts the engine on a free port and waits for its "listening on" line.</summary>
    public static async Task<EngineProcess> StartAsync(string dataDirectory)
    {
        var engine = Launch("--host", "127.0.0.1", "--port", "0", "--data", dataDirectory, "--limits", "off");
        var line = await engine._process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(line?.StartsWith("listening on http://127.0.0.1:") == true, $"unexpected first line '{line}', stderr: {engine.Stderr}");
        engine.Url = new Uri(line!["listening on ".Length..]);
        return engine;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no flush, no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}
