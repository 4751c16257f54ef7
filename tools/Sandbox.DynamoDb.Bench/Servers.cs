using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Sandbox.Testing;

namespace Sandbox.DynamoDb.Bench;

/// <summary>A DynamoDB server process under measurement: its URL and its CPU time so far.</summary>
public interface IServer : IDisposable
{
    string Name { get; }
    Uri Url { get; }
    int ProcessId { get; }

    /// <summary>utime + stime of the process from /proc (what a load test's CPU-s per 1M events adds up).</summary>
    TimeSpan CpuTime => ProcCpu.Of(ProcessId);

    AmazonDynamoDBClient Client() => new(new BasicAWSCredentials("bench", "bench"),
        new AmazonDynamoDBConfig { ServiceURL = Url.ToString(), AuthenticationRegion = "ap-northeast-1", MaxErrorRetry = 2 });
}

public static class ProcCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int pid) => Split(pid) is var (user, system) ? user + system : default;

    /// <summary>utime and stime apart: stime is mostly the server's file I/O.</summary>
    public static (TimeSpan User, TimeSpan System) Split(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state): utime is field 14, stime field 15.
        return (Ticks(fields[11]), Ticks(fields[12]));
    }

    private static TimeSpan Ticks(string field) => TimeSpan.FromSeconds(long.Parse(field, CultureInfo.InvariantCulture) / TicksPerSecond);
}

/// <summary>sandbox-dynamodb as the stack runs it (dotnet sandbox-dynamodb.dll, data on disk).</summary>
public sealed class OurServer(EngineProcess process, string data, string name) : IServer
{
    public string Name => name;
    public Uri Url => process.Url!;
    public int ProcessId => process.Id;

    /// <summary>The engine built with this bench, or another build of it (<paramref name="dll"/>) under <paramref name="name"/>.</summary>
    public static async Task<OurServer> StartAsync(string data, string? dll = null, string name = "sandbox-dynamodb")
    {
        Directory.CreateDirectory(data);
        dll ??= Path.Combine(AppContext.BaseDirectory, "sandbox-dynamodb.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"engine {dll} not found", dll);
        return new OurServer(await EngineProcess.StartAsync(dll, ["--host", "127.0.0.1", "--port", "0", "--data", data]), data, name);
    }

    /// <summary>The process's peak resident set so far (VmHWM in /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long PeakRssBytes => ProcStatus(ProcessId, "VmHWM:");

    public long RssBytes => ProcStatus(ProcessId, "VmRSS:");

    /// <summary>Bytes under the data folder (what the engine keeps on disk).</summary>
    public long DiskBytes => new DirectoryInfo(data).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static long ProcStatus(int pid, string field) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;

    public void Dispose()
    {
        process.StopAsync(TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
        process.Dispose();
        RemoveFolder(data);
    }

    /// <summary>Deletes a server's data folder and the bench's scratch folder above it once empty.</summary>
    public static void RemoveFolder(string data)
    {
        Directory.Delete(data, recursive: true);
        var scratch = Path.GetDirectoryName(data)!;
        if (Directory.Exists(scratch) && !Directory.EnumerateFileSystemEntries(scratch).Any()) Directory.Delete(scratch);
    }
}

/// <summary>dynalite 4.0.0 as the native stack ran it (node, LevelDB under --path): the baseline.</summary>
public sealed class Dynalite(Process process, Uri url, string data) : IServer
{
    /// <summary>Installed by `npm ci --prefix tools/Sandbox.DynamoDb.Bench/baseline` (tools/bench.sh does it).</summary>
    public static string CliPath(string repository) => Path.Combine(repository, "tools/Sandbox.DynamoDb.Bench/baseline/node_modules/dynalite/cli.js");

    public string Name => "dynalite";
    public Uri Url => url;
    public int ProcessId => process.Id;

    public static async Task<Dynalite> StartAsync(string repository, string data)
    {
        var cli = CliPath(repository);
        if (!File.Exists(cli)) throw new FileNotFoundException($"{cli} is missing: run `npm ci --prefix tools/Sandbox.DynamoDb.Bench/baseline`", cli);
        Directory.CreateDirectory(data);
        var port = FreePort();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--path", data }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[dynalite] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Dynalite(process, new Uri($"http://127.0.0.1:{port}"), data);
        using var client = ((IServer)server).Client();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.ListTablesAsync(new ListTablesRequest());
                return server;
            }
            catch (Exception) when (attempt < 150 && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        OurServer.RemoveFolder(data);
    }
}
