using Sandbox.Testing;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// sandbox-kinesis of the test's own, run from the engine's build output, on a loopback port and
/// data folder it keeps across SIGKILLs.
/// </summary>
public sealed class PrivateKinesisEngine : IAsyncDisposable
{
    private const string ListeningPrefix = "listening on ";
    private readonly string _data = Directory.CreateTempSubdirectory("sandbox-faults-kinesis-").FullName;
    private ChildProcess? _process;

    public Uri Url { get; private set; } = null!;

    public static async Task<PrivateKinesisEngine> StartAsync()
    {
        var engine = new PrivateKinesisEngine();
        await engine.LaunchAsync(port: 0);
        return engine;
    }

    /// <summary>SIGKILL: no flush, no shutdown code runs.</summary>
    public void Kill() => _process?.KillHard();

    /// <summary>Same port, same data: what the clients were talking to comes back.</summary>
    public Task RestartAsync() => LaunchAsync(Url.Port);

    public string Output => _process?.Output ?? "";

    private async Task LaunchAsync(int port)
    {
        if (_process is not null) await _process.DisposeAsync();
        // Quotas on, as on AWS: the day takes a while to go through, so kills land mid-stream.
        _process = ChildProcess.Start("dotnet", [BuildOutput.Dll("Sandbox.Kinesis.Server", "sandbox-kinesis.dll"), "--host", "127.0.0.1", "--port", port.ToString(), "--data", _data, "--limits", "on"]);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_process.StandardOutput.StartsWith(ListeningPrefix, StringComparison.Ordinal) || !_process.StandardOutput.Contains('\n'))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"sandbox-kinesis did not start\n{_process.Output}");
            await Task.Delay(50);
        }
        Url = new Uri(_process.StandardOutput.Split('\n')[0][ListeningPrefix.Length..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
