using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>Our own sandbox-kinesis (limits off) on a free port, from the dll the build copies next to the tests.</summary>
public sealed partial class KinesisEngineProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private KinesisEngineProcess(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri Url { get; private set; } = null!;

    public static async Task<KinesisEngineProcess> StartAsync()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the engine build {dll} is missing (build src/Sandbox.Kinesis.Server)", dll);
        var data = Directory.CreateTempSubdirectory("sandbox-firehose-kinesis-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "--host", "127.0.0.1", "--port", "0", "--data", data, "--limits", "off" }) start.ArgumentList.Add(arg);
        var engine = new KinesisEngineProcess(new Process { StartInfo = start }, data);
        engine._process.OutputDataReceived += (_, e) => engine.Observe(e.Data);
        engine._process.ErrorDataReceived += (_, e) => engine.Observe(e.Data);
        engine._process.Start();
        engine._process.BeginOutputReadLine();
        engine._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(engine._listening.Task, Task.Delay(TimeSpan.FromSeconds(60)), engine._process.WaitForExitAsync());
        if (ready != engine._listening.Task)
        {
            await engine.DisposeAsync();
            throw new InvalidOperationException($"sandbox-kinesis did not print its listening line:\n{string.Join('\n', engine._output)}");
        }
        engine.Url = await engine._listening.Task;
        return engine;
    }

    private void Observe(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups["url"].Value));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
