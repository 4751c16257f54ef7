using System.Globalization;

namespace Sandbox.Load.Monitoring;

/// <summary>RSS and CPU of a process from /proc/&lt;pid&gt; (Linux): CPU is the share of one core since the last read.</summary>
public sealed class ProcessStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64
    private readonly Dictionary<int, (double CpuSeconds, DateTime At)> _last = [];

    public sealed record Reading(double RssMb, double CpuPercent);

    public Reading? Read(int? pid)
    {
        if (pid is not { } id) return null;
        try
        {
            var rssKb = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } rss
                ? double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) : 0;
            // Fields after the command name (which may hold spaces): utime and stime are the 14th and 15th.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
            var now = DateTime.UtcNow;
            var percent = _last.TryGetValue(id, out var last) && now > last.At ? (cpu - last.CpuSeconds) / (now - last.At).TotalSeconds * 100 : 0;
            _last[id] = (cpu, now);
            return new Reading(rssKb / 1024, Math.Max(0, percent));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // gone between two reads (killed, restarting)
        }
    }
}
