using System.Diagnostics;

namespace Sandbox.DynamoDb.Bench;

/// <summary>One engine build writing one table of <see cref="Items"/> click items from a fresh process.</summary>
public sealed record MemoryResult(string Engine, long Items, long PeakRssBytes, long StartRssBytes, TimeSpan WriteCpu, TimeSpan WriteSystemCpu, TimeSpan WriteWall, long DiskBytes, int Queries = 0, TimeSpan QueryCpu = default)
{
    public double CpuMicrosPerItem => WriteCpu.TotalMicroseconds / Items;
    public double DiskBytesPerItem => (double)DiskBytes / Items;
    public double QueryCpuMicros => Queries == 0 ? 0 : QueryCpu.TotalMicroseconds / Queries;
}

/// <summary>
/// Issue #17's question for the DynamoDB engine: does its peak RSS grow with the items it holds? Each run starts
/// a fresh engine process (VmHWM is per process), writes the click items (made lazily, 4 writers, BatchWriteItem
/// x25), then reads the peak RSS, the CPU of the writes and the bytes on disk, times `sandbox clicks`-style queries
/// (peak RSS is read before them), and deletes the data.
/// </summary>
public static class MemoryRun
{
    public const int Queries = 2_000;

    public static async Task<MemoryResult> RunAsync(string engine, string? dll, string scratch, int items, CancellationToken cancellationToken)
    {
        using var server = await OurServer.StartAsync(Path.Combine(scratch, $"{engine}-{items}"), dll, engine);
        var startRss = server.RssBytes;
        using var client = ((IServer)server).Client();
        var table = await ClickWorkload.CreateTableAsync(client, "bench_memory", cancellationToken);
        var workload = new ClickWorkload(items, users: Math.Max(1, items / 3), Queries);
        var (user, system) = ProcCpu.Split(server.ProcessId);
        var clock = Stopwatch.StartNew();
        await ClickWorkload.WriteAsync(client, table, workload.Batches(items), cancellationToken);
        var wall = clock.Elapsed;
        var (userAfter, systemAfter) = ProcCpu.Split(server.ProcessId);
        var result = new MemoryResult(engine, items, server.PeakRssBytes, startRss, userAfter - user + (systemAfter - system), systemAfter - system, wall, 0);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); // past one group commit: the files hold everything
        result = result with { DiskBytes = server.DiskBytes };
        var cpuBefore = ((IServer)server).CpuTime;
        await workload.QueryAsync(server, client, table, cancellationToken);
        return result with { Queries = Queries, QueryCpu = ((IServer)server).CpuTime - cpuBefore };
    }
}
