using Sandbox.Generator.Config;

namespace Sandbox.Generator.Simulation;

/// <summary>Which app version a user runs on a given day: releases roll out as users update after their personal lag.</summary>
public sealed class ReleaseSchedule
{
    private readonly int[] _releaseDay;

    public ReleaseSchedule(GeneratorConfig config)
    {
        var releases = Releases.Resolve(config);
        Versions = [config.Behaviour.BaseAppVersion, .. releases.Select(r => r.Version)];
        _releaseDay = [int.MinValue, .. releases.Select(r => r.Day.DayNumber - config.From.DayNumber)];
    }

    /// <summary>Index 0 is the version before the range.</summary>
    public IReadOnlyList<string> Versions { get; }

    public int VersionIndexOf(string version) => Versions.ToList().IndexOf(version);

    public short VersionOn(int day, int installDay, int updateLagDays)
    {
        for (var i = _releaseDay.Length - 1; i > 0; i--)
        {
            var released = _releaseDay[i];
            if (released <= day && (released + updateLagDays <= day || released <= installDay)) return (short)i;
        }
        return 0;
    }
}
