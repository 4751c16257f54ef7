using Amazon.Runtime;
using System.Net;
using System.Net.Sockets;
using Sandbox.Kinesis;
using Sandbox.Shipper.Tests.Support;

namespace Sandbox.Shipper.Tests;

/// <summary>Pos file and disk buffer: restarts, crashes and outages lose nothing.</summary>
[Collection(SharedEngineCollection.Name)]
public sealed class RecoveryTests(SharedEngine shared) : IDisposable
{
    private readonly LogFolder _logs = new();

    [Fact]
    public async Task A_restart_resumes_at_the_pos_file_without_loss_or_duplicates()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var file = LogFolder.HourFile(1, 10);
        var first = _logs.Events(400);
        _logs.Append(file, first);
        var options = Shipping.Options(_logs, stream);
        var worker = await Shipping.StartTailingAsync(options, shared.Client);
        await Shipping.WaitShippedAsync(worker, first.Count);
        await worker.StopAsync(CancellationToken.None);

        var whileStopped = _logs.Events(300);
        _logs.Append(file, whileStopped);
        var second = await Shipping.RunOnceAsync(options, shared.Client);

        Assert.Equal(whileStopped.Count, second.Counters.In);
        Expect.ExactlyOnce(first.Concat(whileStopped), await StreamContents.ReadAllAsync(shared.Client, stream));
        var pos = await File.ReadAllLinesAsync(options.PositionFilePath);
        var entry = Assert.Single(pos);
        Assert.Equal(_logs.PathOf(file), entry.Split('\t')[0]);
        Assert.Equal(new FileInfo(_logs.PathOf(file)).Length, Convert.ToInt64(entry.Split('\t')[2], 16));
    }

    [Fact]
    public async Task After_a_crash_the_spilled_buffer_is_sent_and_unacknowledged_lines_are_read_again()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var options = Shipping.Options(_logs, stream) with { ChunkLimitBytes = 8 * 1024 };
        var before = _logs.Events(1500);
        _logs.Append(LogFolder.HourFile(1, 10), before);

        // Kinesis unreachable: chunks pile up on disk, positions are acknowledged, nothing is sent.
        using (var nowhere = ClientFor(new Uri($"http://127.0.0.1:{ClosedPort()}")))
        {
            var crashed = await Shipping.StartTailingAsync(options, nowhere);
            await Shipping.WaitUntilAsync(() => crashed.Counters.In == before.Count && crashed.Stats.ChunksSpilled >= 3, "the lines are read and spilled");
            await crashed.StopWithoutCheckpointAsync();
            Assert.Equal(0, crashed.Counters.Out);
        }
        Assert.NotEmpty(Directory.EnumerateFiles(options.BufferDirectory, "chunk-*.buf"));

        var after = _logs.Events(200);
        _logs.Append(LogFolder.HourFile(1, 10), after);
        var recovered = await Shipping.RunOnceAsync(options, shared.Client);

        Assert.True(recovered.Stats.RecoveredRecords > 0, "the second run recovered the spilled chunks");
        Expect.ExactlyOnce(before.Concat(after), await StreamContents.ReadAllAsync(shared.Client, stream));
        Expect.Reconciles(recovered);
        Assert.Empty(Directory.EnumerateFiles(options.BufferDirectory));
    }

    [Fact]
    public async Task A_crash_while_sending_duplicates_at_most_the_unacknowledged_chunks()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var options = Shipping.Options(_logs, stream) with { ChunkLimitBytes = 4 * 1024, FlushThreads = 1 };
        var lines = _logs.Events(6000);
        _logs.Append(LogFolder.HourFile(2, 10), lines);

        var crashed = await Shipping.StartTailingAsync(options, shared.Client);
        await Shipping.WaitUntilAsync(() => crashed.Counters.Out > 500, "some records are stored");
        await crashed.StopWithoutCheckpointAsync();
        var shippedBeforeCrash = crashed.Counters.Out;

        var resumed = await Shipping.RunOnceAsync(options, shared.Client);

        var records = await StreamContents.ReadAllAsync(shared.Client, stream);
        Expect.AtLeastOnce(lines, records);
        // A chunk is deleted once stored: only the chunk(s) in flight at the crash can come twice.
        var duplicates = records.Count - lines.Count;
        Assert.InRange(duplicates, 0, 4 * 1024 / 100);
        Assert.True(resumed.Counters.Out + shippedBeforeCrash >= lines.Count);
    }

    private static KinesisClient ClientFor(Uri url) => KinesisClient.Create(
        new KinesisClientOptions(url, "ap-northeast-1", new BasicAWSCredentials("dummy", "dummy")) { Timeout = TimeSpan.FromSeconds(2) });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _logs.Dispose();
}
