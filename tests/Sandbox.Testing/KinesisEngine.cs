using System.Diagnostics;
using Amazon.Runtime;
using Sandbox.Kinesis;

namespace Sandbox.Testing;

/// <summary>
/// A private sandbox-kinesis process (the dll the build copies next to the tests) on a loopback
/// port. It can be killed and started again on the same port and data folder: a Kinesis outage.
/// </summary>
public sealed class KinesisEngine : IAsyncDisposable
{
    private const string ListeningPrefix = "listening on ";
    private readonly string _dataDirectory;
    private readonly bool _limits;
    private Process? _process;

    private KinesisEngine(string dataDirectory, bool limits)
    {
        _dataDirectory = dataDirectory;
        _limits = limits;
    }

    public Uri Url { get; private set; } = null!;

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll");

    public static async Task<KinesisEngine> StartAsync(bool limits = false)
    {
        var engine = new KinesisEngine(Directory.CreateTempSubdirectory("sandbox-tests-kinesis-").FullName, limits);
        await engine.LaunchAsync(port: 0);
        return engine;
    }

    public KinesisClient CreateClient() => KinesisClient.Create(
        new KinesisClientOptions(Url, "ap-northeast-1", new BasicAWSCredentials("dummy", "dummy")) { Timeout = TimeSpan.FromSeconds(10) });

    /// <summary>SIGKILL: the port stops answering at once.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts again on the same port and data folder (what clients were sending to comes back).</summary>
    public Task RestartAsync() => LaunchAsync(Url.Port);

    private async Task LaunchAsync(int port)
    {
        if (!File.Exists(DllPath)) throw new FileNotFoundException($"{DllPath} is missing: build src/Sandbox.Kinesis.Server", DllPath);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { DllPath, "--host", "127.0.0.1", "--port", port.ToString(), "--data", _dataDirectory, "--limits", _limits ? "on" : "off" })
            start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"sandbox-kinesis did not start: first line '{line}'");
        Url = new Uri(line[ListeningPrefix.Length..]);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
