namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>Redshift's date part names and abbreviations, mapped to the unit names PostgreSQL and the redshift.* functions take.</summary>
internal static class DateParts
{
    private static readonly Dictionary<string, string> Canonical = Build(
        ("millennium", ["millennium", "millennia", "mil", "mils"]),
        ("century", ["century", "centuries", "c", "cent", "cents"]),
        ("decade", ["decade", "decades", "dec", "decs"]),
        ("epoch", ["epoch"]),
        ("year", ["year", "years", "y", "yr", "yrs"]),
        ("quarter", ["quarter", "quarters", "qtr", "qtrs"]),
        ("month", ["month", "months", "mon", "mons"]),
        ("week", ["week", "weeks", "w"]),
        ("dow", ["dayofweek", "dow", "dw", "weekday"]),
        ("doy", ["dayofyear", "doy", "dy", "yearday"]),
        ("day", ["day", "days", "d"]),
        ("hour", ["hour", "hours", "h", "hr", "hrs"]),
        ("minute", ["minute", "minutes", "m", "min", "mins"]),
        ("second", ["second", "seconds", "s", "sec", "secs"]),
        ("milliseconds", ["millisecond", "milliseconds", "ms", "msec", "msecs", "msecond", "mseconds", "millisec", "millisecs", "millisecon"]),
        ("microseconds", ["microsecond", "microseconds", "microsec", "microsecs", "usecond", "useconds", "us", "usec", "usecs"]),
        ("timezone", ["timezone"]),
        ("timezone_hour", ["timezone_hour"]),
        ("timezone_minute", ["timezone_minute"]));

    /// <summary>The canonical unit for a Redshift date part, or the input lower-cased when it is not one (the function then says so).</summary>
    public static string Normalize(string part) =>
        Canonical.TryGetValue(part.ToLowerInvariant(), out var canonical) ? canonical : part.ToLowerInvariant();

    private static Dictionary<string, string> Build(params (string Canonical, string[] Names)[] parts) =>
        parts.SelectMany(p => p.Names.Select(n => (n, p.Canonical))).ToDictionary(x => x.n, x => x.Canonical);
}
