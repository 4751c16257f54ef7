using System.Globalization;
using System.Text.RegularExpressions;
using Sandbox.ClickLog.Handler;
using Sandbox.Generator.Truth;

namespace Sandbox.Load.Day;

/// <summary>
/// A generated day on disk: its manifest (the ground truth) and its hourly app-server log files,
/// grouped by hour in time order. Nothing of the logs is read here: a 30M-event day stays on disk.
/// A <see cref="Window"/> of it is a LoadDay too, holding only the window's hours: a run replays and
/// checks exactly what it holds.
/// </summary>
public sealed partial class LoadDay
{
    private readonly int _dayHours;

    private LoadDay(string folder, GenerationTruth manifest, IReadOnlyList<LogHour> hours, DayWindow? window, int dayHours)
    {
        Folder = folder;
        Manifest = manifest;
        Hours = hours;
        Window = window;
        _dayHours = dayHours;
    }

    public string Folder { get; }
    public GenerationTruth Manifest { get; }
    public IReadOnlyList<LogHour> Hours { get; }

    /// <summary>The slice of the day this replays; null = the whole day.</summary>
    public DayWindow? Window { get; }

    /// <summary>Open refuses days with faults: one line per event, so a window's events are its files' lines (the manifest's per-file counts).</summary>
    public long Events => Window is null ? Manifest.Totals?.Events ?? 0 : Lines;
    public long Lines => Window is null ? Manifest.Totals?.Lines ?? 0 : Hours.Sum(h => h.Lines);

    /// <summary>The manifest's clicks of the day; null for a window (the manifest counts clicks per day only: the integrity check counts the window's from its lines).</summary>
    public long? Clicks => Window is null ? Manifest.Days.Sum(d => d.EventsByName.GetValueOrDefault(ClickEvent.EventName)) : null;
    public DateTime Start => Hours[0].Start;
    public IEnumerable<string> Files => Hours.SelectMany(h => h.Files);

    /// <summary>What a run of this replays, for titles and the report: the day or which hours of it, and how many events.</summary>
    public string Describe() => Window is { } window
        ? $"the peak window {window} ({Hours.Count} of the day's {_dayHours} log hours, {Events:N0} events)"
        : $"the whole day ({_dayHours} log hours, {Events:N0} events)";

    /// <summary>The busiest <paramref name="hours"/> consecutive hours of the day (<see cref="DayWindow.Busiest"/>).</summary>
    public LoadDay PeakWindow(int hours = DayWindow.DefaultHours) => Slice(DayWindow.Busiest(Hours, hours));

    /// <summary>The hours of this day inside <paramref name="window"/>; a clear error when none are.</summary>
    public LoadDay Slice(DayWindow window)
    {
        var hours = Hours.Where(window.Holds).ToList();
        if (hours.Count == 0) throw new LoadInputException($"--day '{Folder}' has no log hour in {window}");
        return new LoadDay(Folder, Manifest, hours, window, _dayHours);
    }

    /// <summary>The busiest hour's events per second (by the logs' bytes and lines: what the shipper sees).</summary>
    public (DateTime Hour, double EventsPerSecond, double BytesPerSecond) PeakHour()
    {
        var peak = Hours.MaxBy(h => h.Lines)!;
        return (peak.Start, peak.Lines / 3600.0, peak.Bytes / 3600.0);
    }

    /// <summary>The day in <paramref name="folder"/>, or a clear error naming what is missing.</summary>
    public static LoadDay Open(string folder)
    {
        if (!Directory.Exists(folder)) throw new LoadInputException($"--day '{folder}' is not a folder");
        var manifest = GenerationTruthFile.TryRead(folder)
            ?? throw new LoadInputException($"--day '{folder}' has no {GenerationTruth.FileName}: pass a folder `sandbox generate` wrote (its manifest is the ground truth the run is checked against)");
        if (manifest.Status != GenerationTruth.StatusComplete || manifest.Totals is null)
            throw new LoadInputException($"--day '{folder}': its manifest says '{manifest.Status}': the generator did not finish; generate it again");
        if (manifest.Faults is { } faults && faults.MalformedLines + faults.DuplicateLines > 0)
            throw new LoadInputException($"--day '{folder}' was generated with --faults: a load test needs one line per event (generate without --faults)");
        var hours = manifest.Files
            .Select(f => (File: Path.Combine(folder, f.Path), f.Lines, f.Bytes))
            .GroupBy(f => HourOf(f.File))
            .OrderBy(g => g.Key)
            .Select(g => new LogHour(g.Key, g.Select(f => f.File).Order(StringComparer.Ordinal).ToList(), g.Sum(f => f.Lines), g.Sum(f => f.Bytes)))
            .ToList();
        if (hours.Count == 0) throw new LoadInputException($"--day '{folder}': its manifest lists no log file");
        var missing = hours.SelectMany(h => h.Files).FirstOrDefault(f => !File.Exists(f));
        if (missing is not null) throw new LoadInputException($"--day '{folder}': {missing} is in the manifest but not on disk");
        return new LoadDay(Path.GetFullPath(folder), manifest, hours, window: null, dayHours: hours.Count);
    }

    private static DateTime HourOf(string file)
    {
        var match = HourPattern().Match(Path.GetFileName(file));
        if (!match.Success) throw new LoadInputException($"'{file}' is not an hourly app log (app-YYYYMMDDHH.log)");
        return DateTime.ParseExact(match.Groups[1].Value, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    [GeneratedRegex(@"^app-(\d{10})\.log(\.gz)?$")]
    private static partial Regex HourPattern();
}

/// <summary>One UTC hour of the day: every app server's file of it.</summary>
public sealed record LogHour(DateTime Start, IReadOnlyList<string> Files, long Lines, long Bytes);

/// <summary>Bad input to `sandbox load`: refused before anything starts.</summary>
public sealed class LoadInputException(string message) : Exception(message);
