using Amazon.Runtime;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Server.Hosting;

namespace Sandbox.Testing;

/// <summary>
/// A private sandbox-kinesis process (the dll the build copies next to the tests) on a loopback
/// port. It can be killed and started again on the same port and data folder: a Kinesis outage.
/// </summary>
public sealed class KinesisEngine : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly bool _limits;
    private EngineProcess? _process;

    private KinesisEngine(string dataDirectory, bool limits)
    {
        _dataDirectory = dataDirectory;
        _limits = limits;
    }

    public Uri Url { get; private set; } = null!;

    /// <param name="port">0 = any free port; a fixed one for tests whose code restarts the engine from its command line.</param>
    public static async Task<KinesisEngine> StartAsync(bool limits = false, int port = 0)
    {
        var engine = new KinesisEngine(Directory.CreateTempSubdirectory("sandbox-tests-kinesis-").FullName, limits);
        await engine.LaunchAsync(port);
        return engine;
    }

    public KinesisClient CreateClient() => KinesisClient.Create(
        new KinesisClientOptions(Url, "ap-northeast-1", new BasicAWSCredentials("dummy", "dummy")) { Timeout = TimeSpan.FromSeconds(10) });

    /// <summary>SIGKILL: the port stops answering at once.</summary>
    public void Kill()
    {
        if (_process is null) return;
        _process.KillHard();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts again on the same port and data folder (what clients were sending to comes back).</summary>
    public Task RestartAsync() => LaunchAsync(Url.Port);

    private async Task LaunchAsync(int port)
    {
        _process = await EngineProcess.StartAsync(_dataDirectory, port, _limits);
        Url = _process.Url!;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Directory.Delete(_dataDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
