using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>A server process started by a fixture: its output is kept for error messages; disposing kills it.</summary>
public sealed class BackgroundServer : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _newLine = new(0);

    private BackgroundServer(Process process) => _process = process;

    public string Description { get; private init; } = "";

    public static BackgroundServer Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var server = new BackgroundServer(process) { Description = $"{fileName} {string.Join(' ', start.ArgumentList)}" };
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"could not start {server.Description}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>Waits for an output line the parser accepts; fails with the output if the process exits first.</summary>
    public async Task<T> WaitForLineAsync<T>(Func<string, T?> parse, TimeSpan timeout) where T : class
    {
        using var cancel = new CancellationTokenSource(timeout);
        var seen = 0;
        while (true)
        {
            foreach (var line in _output.Skip(seen).ToArray())
            {
                seen++;
                if (parse(line) is { } result) return result;
            }
            if (_process.HasExited)
                throw new InvalidOperationException($"{Description} exited with {_process.ExitCode} before it was ready:\n{Output}");
            try { await _newLine.WaitAsync(TimeSpan.FromMilliseconds(200), cancel.Token); }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Description} printed no ready line within {timeout.TotalSeconds:0} s:\n{Output}");
            }
        }
    }

    /// <summary>Waits until the port accepts TCP connections.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"{Description} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"{Description} did not open 127.0.0.1:{port} within {timeout.TotalSeconds:0} s:\n{Output}");
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 500) _output.TryDequeue(out _);
        _newLine.Release();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { /* never started or already reaped */ }
        _process.Dispose();
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
