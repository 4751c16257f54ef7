using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Simulation;

/// <summary>When sessions start: a Japan-time daily curve (quiet at night, lunch bump, evening peak around 21-22 JST).</summary>
public sealed class DiurnalCurve
{
    /// <summary>Relative session starts per JST hour 0..23.</summary>
    public static readonly double[] JstHourWeights =
        [4, 2.5, 1.5, 1, 0.8, 1, 2, 4, 6, 5, 4.5, 5, 7.5, 6, 5, 5, 5.5, 6.5, 7.5, 9, 10.5, 12, 11, 7.5];

    private const int JstOffsetHours = 9;
    private readonly WeightedTable _utcHours;

    public DiurnalCurve()
    {
        var utc = new double[24];
        for (var jst = 0; jst < 24; jst++) utc[(jst - JstOffsetHours + 24) % 24] = JstHourWeights[jst];
        _utcHours = new WeightedTable(utc);
    }

    /// <summary>Milliseconds after UTC midnight.</summary>
    public int SampleMillisOfDay(ref Xoshiro256 rng) => _utcHours.Pick(ref rng) * 3_600_000 + rng.Next(3_600_000);
}
