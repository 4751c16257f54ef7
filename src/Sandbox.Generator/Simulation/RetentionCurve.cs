using Sandbox.Generator.Config;

namespace Sandbox.Generator.Simulation;

/// <summary>
/// Probability an installed user is active N days after installing: log-log interpolation through
/// the day-1/7/30 targets, the 7->30 slope extended beyond day 30, floored at 1%.
/// </summary>
public sealed class RetentionCurve
{
    private readonly double[] _byAge;

    public RetentionCurve(RetentionTargets targets, int maxAge)
    {
        _byAge = new double[maxAge + 1];
        _byAge[0] = 1.0;
        (double Day, double Rate)[] anchors = [(1, targets.Day1), (7, targets.Day7), (30, targets.Day30)];
        for (var age = 1; age <= maxAge; age++)
        {
            var segment = age <= 7 ? 0 : 1;
            var (d0, r0) = anchors[segment];
            var (d1, r1) = anchors[segment + 1];
            var slope = Math.Log(r1 / r0) / Math.Log(d1 / d0);
            _byAge[age] = Math.Max(0.01, r0 * Math.Pow(age / d0, slope));
        }
    }

    public double At(int age) => age < 0 ? 0 : _byAge[Math.Min(age, _byAge.Length - 1)];
}
