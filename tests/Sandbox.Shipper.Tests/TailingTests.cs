using Sandbox.Shipper.Tests.Support;

namespace Sandbox.Shipper.Tests;

/// <summary>in_tail behaviour end to end: every line written is read back from every shard.</summary>
[Collection(SharedEngineCollection.Name)]
public sealed class TailingTests(SharedEngine shared) : IDisposable
{
    private readonly LogFolder _logs = new();

    [Fact]
    public async Task Once_ships_every_line_of_plain_and_gzip_hour_files_keyed_by_user()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var expected = new List<string>();
        for (var server = 1; server <= 3; server++)
        {
            var plain = _logs.Events(700);
            _logs.Append(LogFolder.HourFile(server, 10), plain);
            var zipped = _logs.Events(900);
            _logs.WriteGzip(LogFolder.HourFile(server, 11, gzip: true), zipped);
            expected.AddRange(plain.Concat(zipped));
        }
        _logs.Append("app-01/not-a-log.txt", _logs.Events(5));

        var worker = await Shipping.RunOnceAsync(Shipping.Options(_logs, stream), shared.Client);

        var records = await StreamContents.ReadAllAsync(shared.Client, stream);
        Expect.ExactlyOnce(expected, records);
        Expect.KeyedByUser(records);
        Expect.Reconciles(worker);
        Assert.Equal(expected.Count, worker.Counters.Out);
        Assert.Empty(Directory.EnumerateFiles(worker.Options.BufferDirectory));
    }

    [Fact]
    public async Task Tailing_follows_growth_hourly_rotation_and_files_that_appear_later()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var expected = new List<string>();
        void Write(string file, int count)
        {
            var lines = _logs.Events(count);
            _logs.Append(file, lines);
            expected.AddRange(lines);
        }
        Write(LogFolder.HourFile(1, 10), 300);
        var worker = await Shipping.StartTailingAsync(Shipping.Options(_logs, stream), shared.Client);
        await Shipping.WaitShippedAsync(worker, expected.Count);

        Write(LogFolder.HourFile(1, 10), 200);                     // the hour file grows
        Write(LogFolder.HourFile(1, 11), 250);                     // the next hour starts
        Write(LogFolder.HourFile(2, 11), 150);                     // a server that appears later
        _logs.WriteGzip(LogFolder.HourFile(3, 9, gzip: true), _logs.Events(0)); // an empty finished hour
        await Shipping.WaitShippedAsync(worker, expected.Count);

        // Classic rotation: the file is renamed away (out of the glob) after a last write, a new one takes its name.
        var current = LogFolder.HourFile(1, 11);
        Write(current, 100);
        File.Move(_logs.PathOf(current), _logs.PathOf("app-01/rotated.old"));
        Write(current, 120);
        await Shipping.WaitShippedAsync(worker, expected.Count);
        await worker.StopAsync(CancellationToken.None);

        Expect.ExactlyOnce(expected, await StreamContents.ReadAllAsync(shared.Client, stream));
        Expect.Reconciles(worker);
    }

    [Fact]
    public async Task Waits_for_the_newline_of_a_line_being_written_then_takes_it_whole()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var file = LogFolder.HourFile(1, 12);
        var line = LogFolder.Event(999_001);
        _logs.Append(file, [line[..20]], newlineAtEnd: false);
        var worker = await Shipping.StartTailingAsync(Shipping.Options(_logs, stream) with { PartialLineTimeout = TimeSpan.FromMinutes(1) }, shared.Client);
        await Task.Delay(500);
        Assert.Equal(0, worker.Counters.In);

        _logs.Append(file, [line[20..]]);
        await Shipping.WaitShippedAsync(worker, 1);
        await worker.StopAsync(CancellationToken.None);

        Expect.ExactlyOnce([line], await StreamContents.ReadAllAsync(shared.Client, stream));
    }

    [Fact]
    public async Task A_gzip_file_still_being_written_is_read_as_far_as_it_is_complete_then_finished_later()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var file = LogFolder.HourFile(1, 9, gzip: true);
        var lines = _logs.Events(3000);
        _logs.WriteGzip(file, lines);
        var whole = await File.ReadAllBytesAsync(_logs.PathOf(file));
        await using (var partial = new FileStream(_logs.PathOf(file), FileMode.Truncate))
            partial.Write(whole.AsSpan(0, whole.Length * 2 / 3));   // the writer has not finished (no trailer yet)

        var worker = await Shipping.StartTailingAsync(Shipping.Options(_logs, stream), shared.Client);
        await Shipping.WaitUntilAsync(() => worker.Counters.Out > 0 && worker.Counters.InFlight == 0, "the complete part is shipped");
        Assert.InRange(worker.Counters.Out, 1, lines.Count - 1);

        await File.WriteAllBytesAsync(_logs.PathOf(file), whole);      // the writer finishes the same file
        await Shipping.WaitShippedAsync(worker, lines.Count);
        await worker.StopAsync(CancellationToken.None);

        Expect.ExactlyOnce(lines, await StreamContents.ReadAllAsync(shared.Client, stream));
        Assert.Contains("\t7fffffffffffffff", await File.ReadAllTextAsync(worker.Options.PositionFilePath));
    }

    public void Dispose() => _logs.Dispose();
}
