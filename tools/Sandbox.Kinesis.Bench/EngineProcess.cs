using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sandbox.Kinesis.Bench;

/// <summary>An engine under test, run as its own process on a loopback port.</summary>
internal sealed class EngineProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EngineProcess(string name, Process process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Pid => _process.Id;

    /// <summary>Our engine: dotnet sandbox-kinesis.dll, limits off, waits for its "listening on" line.</summary>
    public static async Task<EngineProcess> StartSandboxAsync(string dll, string dataDirectory)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--host", "127.0.0.1", "--port", "0", "--data", dataDirectory, "--limits", "off" })
            info.ArgumentList.Add(arg);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[engine] {e.Data}"); };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException("the engine exited before listening");
        const string prefix = "listening on ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException($"unexpected engine output: {line}");
        return new EngineProcess("sandbox-kinesis", process, new Uri(line[prefix.Length..]));
    }

    /// <summary>kinesis-local 0.6.2 (FACTS.md), pinned to 127.0.0.1 by the loopback.js preload.</summary>
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
        var engine = new EngineProcess("kinesis-local 0.6.2", process, new Uri($"http://127.0.0.1:{port}"));
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

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited) return;
        // SIGTERM first: our engine flushes and stops gracefully.
        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
        if (!_process.WaitForExit(15_000)) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
