using Sandbox.Generator.Config;
using Sandbox.Generator.Randomness;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Faults;

/// <summary>
/// Decides faults by hashing the event's unique key (or user-day), never by drawing from the
/// behaviour streams: turning faults on changes the damage, not the underlying traffic.
/// One instance per server (it counts).
/// </summary>
public sealed class FaultInjector
{
    private const long MinLateMs = 600_000;
    private const long MaxExtraLateMs = 21_000_000;
    private readonly FaultConfig _config;
    private readonly ulong _salt;
    private readonly int _dropEventKind = -1;
    private readonly short _dropEventVersion = -1;
    private readonly int _dropPropertyKind = -1;
    private readonly short _dropPropertyVersion = -1;

    public FaultInjector(GeneratorConfig config, ReleaseSchedule releases)
    {
        _config = config.Faults;
        _salt = Mix.Derive(config.Seed, 0xFA17);
        var firstRelease = releases.Versions.Count > 1 ? releases.Versions[1] : null;
        if (_config.DropEvent is { } de)
        {
            _dropEventKind = (int)EventKinds.Parse(de.Event);
            _dropEventVersion = (short)releases.VersionIndexOf(de.Version ?? firstRelease ?? "");
        }
        if (_config.DropProperty is { } dp)
        {
            _dropPropertyKind = (int)EventKinds.Parse(dp.Event);
            _dropPropertyVersion = (short)releases.VersionIndexOf(dp.Version ?? firstRelease ?? "");
        }
    }

    public FaultCounts Counts { get; } = new();

    /// <summary>Device clock error for a whole user-day (0 for most users).</summary>
    public long ClockSkewMs(int user, int day, bool countIt)
    {
        if (_config.ClockSkewRate <= 0) return 0;
        var h = Mix.Derive(_salt, 1, (ulong)user, (ulong)day);
        if (Mix.Unit(h) >= _config.ClockSkewRate) return 0;
        if (countIt) Counts.SkewedUserDays++;
        var magnitude = 120_000 + (long)(Mix.Unit(Mix.Bijective(h)) * 10_680_000);
        return (h & 1) == 0 ? magnitude : -magnitude;
    }

    /// <summary>True when a buggy release does not send this event at all.</summary>
    public bool Drops(in EventRecord r)
    {
        if ((int)r.Kind != _dropEventKind || r.AppVersion != _dropEventVersion) return false;
        Counts.DroppedEvents++;
        return true;
    }

    /// <summary>Marks property drops, counts skew, and delays late deliveries; true when the event arrives late.</summary>
    public bool Damage(ref EventRecord r)
    {
        if ((int)r.Kind == _dropPropertyKind && r.AppVersion == _dropPropertyVersion)
        {
            r.DropProperty = true;
            Counts.EventsMissingProperty++;
        }
        if (r.EventTimeMs != r.TrueTimeMs) Counts.SkewedEvents++;
        if (_config.LateRate <= 0) return false;
        var h = Mix.Derive(_salt, 2, r.EventKey);
        if (Mix.Unit(h) >= _config.LateRate) return false;
        r.ReceivedMs = r.TrueTimeMs + MinLateMs + (long)(Mix.Unit(Mix.Bijective(h)) * MaxExtraLateMs);
        Counts.LateEvents++;
        return true;
    }

    /// <summary>Extra copies of this line to write (a retried delivery).</summary>
    public bool Duplicates(in EventRecord r)
    {
        if (_config.DuplicateRate <= 0 || Mix.Unit(Mix.Derive(_salt, 3, r.EventKey)) >= _config.DuplicateRate) return false;
        Counts.DuplicateLines++;
        return true;
    }

    /// <summary>Length of a torn copy to write before the line, or 0.</summary>
    public int TornPrefixLength(in EventRecord r, int lineLength)
    {
        if (_config.MalformedRate <= 0) return 0;
        var h = Mix.Derive(_salt, 4, r.EventKey);
        if (Mix.Unit(h) >= _config.MalformedRate) return 0;
        Counts.MalformedLines++;
        return 1 + (int)(Mix.Unit(Mix.Bijective(h)) * (lineLength - 2));
    }
}
