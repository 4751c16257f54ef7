using System.Globalization;
using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.ReleaseCheck.Reporting;

/// <summary>How rates, differences and verdicts read in text, in Slack and in the console.</summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Rate(Proportion p) => p.Rate is { } r ? $"{(r * 100).ToString("0.0", Invariant)}% of {p.Trials.ToString("N0", Invariant)}" : "no data";

    public static string Points(double value) => (value * 100).ToString("+0.0;-0.0;0.0", Invariant);

    /// <summary>"-4.9 pts [-6.0, -3.8]", or "n/a" when a side has no data.</summary>
    public static string Difference(ProportionComparison c) =>
        c.Difference is { } d ? $"{Points(d)} pts [{Points(c.Low!.Value)}, {Points(c.High!.Value)}]" : "n/a";

    public static string Verdict(Verdict v) => v switch
    {
        Statistics.Verdict.Better => "better",
        Statistics.Verdict.Worse => "worse",
        Statistics.Verdict.NoClearDifference => "no clear difference",
        _ => "no data",
    };

    public static string Percent(double share) => (share * 100).ToString("0.##", Invariant) + "%";
}
