using Sandbox.ReleaseCheck.Statistics;

namespace Sandbox.ReleaseCheck.Tests;

public class TwoProportionTestTests
{
    [Fact]
    public void Known_values_match_the_textbook_wald_interval_and_z_test()
    {
        // 120/1000 vs 150/1000: diff -0.03, SE = sqrt(.12*.88/1000 + .15*.85/1000) = 0.0152676,
        // 95%: z = 1.959964 -> margin 0.0299240; z statistic -1.96495 -> two-sided p = 0.049421.
        var c = TwoProportionTest.Compare(Proportion.Binomial(120, 1000), Proportion.Binomial(150, 1000), 0.95);
        Assert.Equal(-0.03, c.Difference!.Value, 10);
        Assert.Equal(-0.0599240, c.Low!.Value, 6);
        Assert.Equal(-0.0000760, c.High!.Value, 6);
        Assert.Equal(0.049424, c.PValue!.Value, 5);
        Assert.Equal(Verdict.Worse, c.Verdict);
    }

    [Fact]
    public void A_wider_interval_makes_the_same_difference_unclear()
    {
        var c = TwoProportionTest.Compare(Proportion.Binomial(120, 1000), Proportion.Binomial(150, 1000), 0.99);
        Assert.Equal(Verdict.NoClearDifference, c.Verdict);
        Assert.True(c.Low < 0 && c.High > 0);
    }

    [Fact]
    public void Higher_is_better_equal_is_no_difference_and_an_empty_side_is_no_data()
    {
        Assert.Equal(Verdict.Better, TwoProportionTest.Compare(Proportion.Binomial(600, 1000), Proportion.Binomial(500, 1000), 0.95).Verdict);
        var same = TwoProportionTest.Compare(Proportion.Binomial(50, 100), Proportion.Binomial(500, 1000), 0.95);
        Assert.Equal((Verdict.NoClearDifference, 1.0), (same.Verdict, same.PValue!.Value));
        var empty = TwoProportionTest.Compare(Proportion.Binomial(5, 10), default, 0.95);
        Assert.Equal((Verdict.NoData, (double?)null), (empty.Verdict, empty.Difference));
    }

    [Fact]
    public void Trials_clustered_in_a_few_user_days_give_a_wider_interval_than_independent_ones()
    {
        // Two user-days of 10 trials each, one all successes, one none: rate 0.5, and the variance is
        // (100 - 2 * 0.5 * 100 + 0.25 * 200) / 20^2 = 0.125, ten times the binomial 0.25 / 20.
        var clustered = new Proportion(10, 10, 100, 100, 100) + new Proportion(0, 10, 0, 100, 0);
        Assert.Equal(0.5, clustered.Rate);
        Assert.Equal(0.125, clustered.Variance!.Value, 12);
        Assert.Equal(0.0125, Proportion.Binomial(10, 20).Variance!.Value, 12);
    }

    [Fact]
    public void Bonferroni_splits_the_family_error_and_bad_counts_are_refused()
    {
        Assert.Equal(0.995, TwoProportionTest.PerComparisonConfidence(0.95, 10), 12);
        Assert.Equal(0.95, TwoProportionTest.PerComparisonConfidence(0.95, 1));
        Assert.Throws<ArgumentException>(() => TwoProportionTest.Compare(Proportion.Binomial(11, 10), Proportion.Binomial(1, 10), 0.95));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoProportionTest.Compare(Proportion.Binomial(1, 10), Proportion.Binomial(1, 10), 1.0));
    }

    [Theory]
    [InlineData("5.10.0", "5.9.0", 1)]
    [InlineData("5.10.0", "5.10.0", 0)]
    [InlineData("5.2", "5.10.1", -1)]
    public void App_versions_order_as_numbers(string a, string b, int sign) => Assert.Equal(sign, Math.Sign(AppVersionOrder.Instance.Compare(a, b)));
}
