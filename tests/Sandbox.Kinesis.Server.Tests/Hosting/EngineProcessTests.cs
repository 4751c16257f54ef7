using System.Net;
using System.Net.Sockets;
using System.Text;
using Sandbox.Kinesis.Server.Hosting;
using Sandbox.Testing;
using Sandbox.Kinesis.Server.Tests.Support;

namespace Sandbox.Kinesis.Server.Tests.Hosting;

/// <summary>The engine as a process: crash durability, graceful stop, refusing bad command lines.</summary>
public sealed class EngineProcessTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task Every_acknowledged_record_survives_kill_9()
    {
        var acknowledged = new Dictionary<string, string>();
        using (var engine = await EngineProcess.StartAsync(_data.Path))
        {
            using var wire = new KinesisWire(engine.Url!);
            await wire.OkAsync("CreateStream", new { StreamName = "s", ShardCount = 2 });
            var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
            {
                for (var batch = 0; ; batch++)
                {
                    var data = Enumerable.Range(0, 100).Select(i => $"p{p}-b{batch}-r{i}").ToList();
                    try
                    {
                        var put = await wire.OkAsync("PutRecords", new { StreamName = "s", Records = data.Select(d => new { PartitionKey = d, Data = KinesisWire.Base64(d) }) });
                        lock (acknowledged)
                            for (var i = 0; i < data.Count; i++) acknowledged[(string)put["Records"]![i]!["SequenceNumber"]!] = data[i];
                    }
                    catch (Exception) // the kill interrupts calls in flight: those were never acknowledged
                    {
                        return;
                    }
                }
            })).ToList();
            while (true)
            {
                await Task.Delay(50);
                lock (acknowledged) if (acknowledged.Count >= 3000) break;
            }
            engine.KillHard();
            await Task.WhenAll(producers);
        }

        using var restarted = await EngineProcess.StartAsync(_data.Path);
        using var reader = new KinesisWire(restarted.Url!);
        var stored = new Dictionary<string, string>();
        foreach (var shard in new[] { "shardId-000000000000", "shardId-000000000001" })
        {
            var iterator = (string?)(await reader.OkAsync("GetShardIterator", new { StreamName = "s", ShardId = shard, ShardIteratorType = "TRIM_HORIZON" }))["ShardIterator"];
            while (iterator is not null)
            {
                var page = await reader.OkAsync("GetRecords", new { ShardIterator = iterator });
                var records = page["Records"]!.AsArray();
                foreach (var r in records) stored[(string)r!["SequenceNumber"]!] = Encoding.UTF8.GetString(Convert.FromBase64String((string)r["Data"]!));
                iterator = records.Count == 0 ? null : (string?)page["NextShardIterator"];
            }
        }
        Assert.True(acknowledged.Count >= 3000);
        var missing = acknowledged.Where(a => !stored.TryGetValue(a.Key, out var data) || data != a.Value).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged records lost, e.g. {missing.FirstOrDefault()}");
    }

    [Fact]
    public async Task SIGTERM_stops_the_engine_cleanly_and_the_data_is_there_on_restart()
    {
        using (var engine = await EngineProcess.StartAsync(_data.Path))
        {
            using var wire = new KinesisWire(engine.Url!);
            await wire.OkAsync("CreateStream", new { StreamName = "s", ShardCount = 1 });
            await wire.OkAsync("PutRecord", new { StreamName = "s", PartitionKey = "k", Data = KinesisWire.Base64("kept") });

            engine.Terminate();

            Assert.Equal(0, await engine.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        }
        using var restarted = await EngineProcess.StartAsync(_data.Path);
        using var reader = new KinesisWire(restarted.Url!);
        var iterator = (string)(await reader.OkAsync("GetShardIterator", new { StreamName = "s", ShardId = "shardId-000000000000", ShardIteratorType = "TRIM_HORIZON" }))["ShardIterator"]!;
        Assert.Equal(KinesisWire.Base64("kept"), (string)(await reader.OkAsync("GetRecords", new { ShardIterator = iterator }))["Records"]![0]!["Data"]!);
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_error_naming_the_port()
    {
        using var squatter = ListenOnFreePort(out var port);

        using var engine = EngineProcess.Launch("--host", "127.0.0.1", "--port", port.ToString(), "--data", _data.Path);

        Assert.Equal(3, await engine.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains($"port {port}", engine.Stderr);
        Assert.Contains("already in use", engine.Stderr);
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_with_the_engines_own_message()
    {
        using var squatter = ListenOnFreePort(out var port);
        var forwarded = new List<string>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EngineProcess.StartAsync(_data.Path, port, onStderrLine: line => { lock (forwarded) forwarded.Add(line); }));

        Assert.Contains($"port {port}", error.Message);
        Assert.Contains("already in use", error.Message);
        lock (forwarded) Assert.Contains(forwarded, line => line.Contains("already in use"));
    }

    [Fact]
    public async Task A_non_loopback_host_is_refused()
    {
        using var engine = EngineProcess.Launch("--host", "0.0.0.0", "--port", "0", "--data", _data.Path);

        Assert.Equal(2, await engine.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("not a loopback address", engine.Stderr);
    }

    /// <summary>Someone else listening on a loopback port: the engine must not get it.</summary>
    private static TcpListener ListenOnFreePort(out int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
        return listener;
    }

    public void Dispose() => _data.Dispose();
}
