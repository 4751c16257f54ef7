using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sandbox.Console.Bench;

/// <summary>
/// #14: the console's cold start, process start to the first 200 of GET /api/health (which reads the
/// schema version from PostgreSQL), on the running stack's state (already migrated: a restart, as
/// `make up` after `make down`). Baseline in the same run, alternating: an empty ASP.NET Core app
/// (this tool's `empty-app` mode: one MapGet) started the same way by the same `dotnet` host.
/// </summary>
public sealed class ColdStartBench(Stack stack, string consoleDll, int rounds)
{
    public async Task RunAsync()
    {
        var self = typeof(ColdStartBench).Assembly.Location;
        var console = new List<double>();
        var empty = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var c = await StartAsync(consoleDll, port => ["--port", port.ToString(), "--state", stack.StateDirectory], "/api/health");
            var e = await StartAsync(self, port => ["empty-app", "--port", port.ToString()], "/health");
            console.Add(c);
            empty.Add(e);
            System.Console.WriteLine($"cold-start: round {round}: console {c:F0} ms, empty ASP.NET Core app {e:F0} ms");
        }
        System.Console.WriteLine($"cold-start: median console {Stats.Median(console):F0} ms (min {console.Min():F0}), " +
            $"empty app {Stats.Median(empty):F0} ms (min {empty.Min():F0}); ratio {Stats.Ratio(Stats.Median(console), Stats.Median(empty))}");
    }

    /// <returns>Milliseconds from Process.Start to the first 200 of <paramref name="probe"/>.</returns>
    private static async Task<double> StartAsync(string dll, Func<int, string[]> arguments, string probe)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments(port)) info.ArgumentList.Add(argument);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var url = $"http://127.0.0.1:{port}{probe}";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} before answering {probe}");
                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed.TotalMilliseconds;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(5);
            }
            throw new TimeoutException($"{Path.GetFileName(dll)} did not answer {probe} with 200 within 120 s");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
