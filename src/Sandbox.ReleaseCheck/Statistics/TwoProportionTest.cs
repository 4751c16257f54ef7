using MathNet.Numerics.Distributions;

namespace Sandbox.ReleaseCheck.Statistics;

public enum Verdict { Better, Worse, NoClearDifference, NoData }

/// <summary>
/// One side of a comparison: successes over trials, summed over clusters (user-days), with the sums of
/// squares that give the rate's cluster-robust variance. A user-day holding several trials (a user's ten
/// view_post events) is one sample, not ten: its trials move together (signed in or not, the screen
/// they are on), and counting them as independent would shrink the interval below the truth.
/// </summary>
public readonly record struct Proportion(long Successes, long Trials, double SuccessSquares, double TrialSquares, double Products)
{
    /// <summary>Independent yes/no trials (one per cluster): the variance is the binomial one.</summary>
    public static Proportion Binomial(long successes, long trials) => new(successes, trials, successes, trials, successes);

    public double? Rate => Trials > 0 ? (double)Successes / Trials : null;

    /// <summary>Var(rate) by the ratio estimator's linearisation: sum over clusters of (s - r t)^2, over (sum t)^2; p(1-p)/n for binomial trials.</summary>
    public double? Variance => Rate is { } r ? Math.Max(0, SuccessSquares - 2 * r * Products + r * r * TrialSquares) / ((double)Trials * Trials) : null;

    public static Proportion operator +(Proportion a, Proportion b) => new(a.Successes + b.Successes, a.Trials + b.Trials,
        a.SuccessSquares + b.SuccessSquares, a.TrialSquares + b.TrialSquares, a.Products + b.Products);
}

/// <summary>
/// Candidate against baseline: the difference of rates with its confidence interval and the two-sided
/// p-value of the same z statistic, and the verdict the interval gives (higher is better for every
/// metric the release check reads).
/// </summary>
public sealed record ProportionComparison(Proportion Candidate, Proportion Baseline, double Confidence, double? Difference, double? Low, double? High, double? PValue, Verdict Verdict);

/// <summary>The two-proportion z test (Wald: each side's own variance), at a given confidence.</summary>
public static class TwoProportionTest
{
    public static ProportionComparison Compare(Proportion candidate, Proportion baseline, double confidence)
    {
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be within (0, 1)");
        if (candidate.Successes < 0 || candidate.Successes > candidate.Trials || baseline.Successes < 0 || baseline.Successes > baseline.Trials)
            throw new ArgumentException($"successes must be within 0..trials: candidate {candidate.Successes}/{candidate.Trials}, baseline {baseline.Successes}/{baseline.Trials}");
        if (candidate.Trials == 0 || baseline.Trials == 0) return new(candidate, baseline, confidence, null, null, null, null, Verdict.NoData);

        var difference = candidate.Rate!.Value - baseline.Rate!.Value;
        var error = Math.Sqrt(candidate.Variance!.Value + baseline.Variance!.Value);
        var margin = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2) * error;
        var pValue = error == 0 ? (difference == 0 ? 1 : 0) : 2 * Normal.CDF(0, 1, -Math.Abs(difference) / error);
        var (low, high) = (difference - margin, difference + margin);
        var verdict = low > 0 ? Verdict.Better : high < 0 ? Verdict.Worse : Verdict.NoClearDifference;
        return new(candidate, baseline, confidence, difference, low, high, pValue, verdict);
    }

    /// <summary>Bonferroni: each of <paramref name="comparisons"/> intervals at this level keeps the family's error at most 1 - <paramref name="familyConfidence"/>.</summary>
    public static double PerComparisonConfidence(double familyConfidence, int comparisons) =>
        comparisons <= 1 ? familyConfidence : 1 - (1 - familyConfidence) / comparisons;
}
