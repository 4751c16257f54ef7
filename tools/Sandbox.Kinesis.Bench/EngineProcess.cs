using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SandboxEngineProcess = Sandbox.Testing.EngineProcess;

namespace Sandbox.Kinesis.Bench;

/// <summary>An engine under test, run as its own process on a loopback port.</summary>
/// <param name="stop">How this engine is stopped when the bench is done with it.</param>
internal sealed class EngineProcess(string name, int pid, Uri url, Func<Task> stop) : IAsyncDisposable
{
    public string Name { get; } = name;
    public Uri Url { get; } = url;
    public int Pid { get; } = pid;

    /// <summary>Our engine through its own launcher: dotnet sandbox-kinesis.dll, limits off, its log on our stderr.</summary>
    public static async Task<EngineProcess> StartSandboxAsync(string dll, string dataDirectory)
    {
        var engine = await SandboxEngineProcess.StartAsync(dataDirectory, dll: dll, onStderrLine: line => Console.Error.WriteLine($"[engine] {line}"));
        return new EngineProcess("sandbox-kinesis", engine.Id, engine.Url!, async () =>
        {
            await engine.StopAsync(TimeSpan.FromSeconds(15)); // SIGTERM first: our engine flushes and stops gracefully
            engine.Dispose();
        });
    }

    /// <summary>kinesis-local 0.6.2 (docs/FACTS-LOCAL.md), pinned to 127.0.0.1 by the loopback.js preload.</summary>
    public static async Task<EngineProcess> StartKinesisLocalAsync(string nativeFolder)
    {
        var package = Path.Combine(nativeFolder, "node_modules", "kinesis-local");
        if (!File.Exists(Path.Combine(package, "main.js")))
            throw new FileNotFoundException($"kinesis-local is not installed under {package}: run npm ci --prefix compose/native");
        var port = FreePort();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-r", Path.Combine(nativeFolder, "loopback.js"), Path.Combine(package, "main.js") })
            info.ArgumentList.Add(arg);
        info.Environment["KINESIS_MOCK_CERT_PATH"] = Path.Combine(package, "server.json");
        info.Environment["KINESIS_MOCK_PLAIN_PORT"] = port.ToString();
        info.Environment["KINESIS_MOCK_TLS_PORT"] = FreePort().ToString();
        info.Environment["LOG_LEVEL"] = "WARN";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var engine = new EngineProcess("kinesis-local 0.6.2", process.Id, new Uri($"http://127.0.0.1:{port}"), () => StopNodeAsync(process));
        using var http = new KinesisHttp(engine.Url);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                (await http.CallAsync("ListStreams", new { })).Dispose();
                return engine;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Resident set size now and at its peak, from /proc (Linux).</summary>
    public (long RssBytes, long PeakRssBytes) Memory()
    {
        long Read(string key)
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public async ValueTask DisposeAsync() => await stop();

    /// <summary>kinesis-local keeps its streams in memory: nothing to flush, so no grace period.</summary>
    private static async Task StopNodeAsync(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
