using System.Diagnostics;

namespace Sandbox.Load.Day;

/// <summary>
/// The app servers of a --speed K run: writes the day's lines into a live folder (same relative
/// paths, .gz days written plain) when the wall clock reaches each line's received_at, compressed K
/// times: the shipper tails the folder as fluentd tails real servers. Streams file by file, line by
/// line (memory does not grow with the day). A line is always written whole, then flushed. With a
/// <paramref name="rotation"/>, finished hours leave the live folder once the shipper has read them.
/// </summary>
public sealed class LiveFeed(LoadDay day, string liveFolder, double speed, LiveRotation? rotation = null)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private long _written;

    /// <summary>Lines written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    public string Folder => liveFolder;

    /// <summary>The wall time a line received at <paramref name="receivedAt"/> is due, relative to the feed's start.</summary>
    public TimeSpan DueAfter(DateTime receivedAt) => TimeSpan.FromTicks((long)((receivedAt - day.Start).Ticks / speed));

    public async Task RunAsync(Stopwatch clock, CancellationToken cancellationToken)
    {
        foreach (var hour in day.Hours)
        {
            var servers = hour.Files.Select(Open).ToList();
            try
            {
                while (servers.Any(s => !s.Done))
                {
                    var virtualNow = day.Start + clock.Elapsed * speed;
                    foreach (var server in servers) Interlocked.Add(ref _written, await server.WriteUntilAsync(virtualNow));
                    rotation?.Rotate();
                    if (servers.Any(s => !s.Done)) await Task.Delay(Tick, cancellationToken);
                }
            }
            finally
            {
                foreach (var server in servers) await server.DisposeAsync();
            }
            foreach (var server in servers) rotation?.Finished(server.Target);
        }
    }

    private ServerFile Open(string file)
    {
        var relative = Path.GetRelativePath(day.Folder, file);
        if (relative.EndsWith(".gz", StringComparison.Ordinal)) relative = relative[..^3];
        var target = Path.Combine(liveFolder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return new ServerFile(LogFiles.OpenText(file), target, new StreamWriter(target, append: true) { AutoFlush = false });
    }

    /// <summary>One app server's file of the hour: a reader over the day, a writer into the live folder.</summary>
    private sealed class ServerFile(StreamReader reader, string target, StreamWriter writer) : IAsyncDisposable
    {
        private string? _pending;

        public string Target => target;

        public bool Done { get; private set; }

        public async Task<long> WriteUntilAsync(DateTime virtualNow)
        {
            long written = 0;
            while (!Done)
            {
                _pending ??= await reader.ReadLineAsync();
                if (_pending is null) { Done = true; break; }
                if (LogLine.ReceivedAt(_pending) is { } at && at > virtualNow) break;
                await writer.WriteAsync(_pending + "\n");
                _pending = null;
                written++;
            }
            await writer.FlushAsync();
            return written;
        }

        public async ValueTask DisposeAsync()
        {
            reader.Dispose();
            await writer.DisposeAsync();
        }
    }
}
