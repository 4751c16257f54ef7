namespace Sandbox.Console.Bench;

/// <summary>Order statistics of a sample (nearest rank).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) throw new ArgumentException("no values to take a percentile of", nameof(values));
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    public static string Ratio(double value, double baseline) => baseline <= 0 ? "n/a" : $"{value / baseline:F2}x";
}
