namespace Sandbox.Warehouse.Bench;

/// <summary>
/// CPU time used by the local PostgreSQL server so far (all its processes, plus the exited backends the
/// postmaster has reaped), read from /proc. It also counts other clients' work on the same server, so it
/// is an indication; zero where /proc is not there.
/// </summary>
internal static class ServerCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Sample()
    {
        if (!Directory.Exists("/proc")) return TimeSpan.Zero;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0])) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; } // exited meanwhile
            catch (UnauthorizedAccessException) { continue; }
            var close = stat.LastIndexOf(')');
            if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal)) continue;
            // Fields after the command: state(3) ... utime(14) stime(15) cutime(16) cstime(17).
            var fields = stat[(close + 2)..].Split(' ');
            for (var field = 14; field <= 17; field++) ticks += long.Parse(fields[field - 3]);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
