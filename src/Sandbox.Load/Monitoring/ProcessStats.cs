using System.Globalization;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// RSS and CPU of a process from /proc/&lt;pid&gt; (Linux): CPU is the share of one core since the last
/// read, and the CPU seconds so far of the process and its children (PostgreSQL's backends: the live
/// ones' own, the ended ones' as the postmaster's cutime/cstime).
/// </summary>
public sealed class ProcessStats
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux x86-64
    private readonly Dictionary<int, (double CpuSeconds, DateTime At)> _last = [];

    public sealed record Reading(double RssMb, double CpuPercent, double CpuSeconds = 0);

    /// <summary>Null when it is gone; <paramref name="withChildren"/> adds its children's CPU (PostgreSQL, not the load and its boxes).</summary>
    public Reading? Read(int? pid, bool withChildren = false)
    {
        if (pid is not { } id) return null;
        try
        {
            var rssKb = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) is { } rss
                ? double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) : 0;
            var cpu = withChildren ? CpuSeconds(id, withEndedChildren: true) + Children(id).Sum(ChildCpuSeconds) : CpuSeconds(id, withEndedChildren: false);
            var now = DateTime.UtcNow;
            var percent = _last.TryGetValue(id, out var last) && now > last.At ? (cpu - last.CpuSeconds) / (now - last.At).TotalSeconds * 100 : 0;
            _last[id] = (cpu, now);
            return new Reading(rssKb / 1024, Math.Max(0, percent), cpu);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // gone between two reads (killed, restarting)
        }
    }

    /// <summary>utime + stime (+ cutime + cstime: children it waited for), in seconds.</summary>
    private static double CpuSeconds(int pid, bool withEndedChildren)
    {
        // Fields after the command name (which may hold spaces): utime, stime, cutime, cstime are the 14th-17th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = Enumerable.Range(11, withEndedChildren ? 4 : 2).Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
        return ticks / TicksPerSecond;
    }

    private static double ChildCpuSeconds(int pid)
    {
        try
        {
            return CpuSeconds(pid, withEndedChildren: false);
        }
        catch (IOException)
        {
            return 0; // ended meanwhile: its time is in the parent's cutime/cstime from now on
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task")
                .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(child => int.Parse(child, CultureInfo.InvariantCulture)).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
