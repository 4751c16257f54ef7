namespace Sandbox.Generator.Randomness;

/// <summary>Picks an index with probability proportional to its weight (cumulative table, binary search).</summary>
public sealed class WeightedTable
{
    private readonly double[] _cumulative;

    public WeightedTable(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() <= 0)
            throw new ArgumentException("weights must be non-negative with a positive sum", nameof(weights));
        _cumulative = new double[weights.Count];
        var total = weights.Sum();
        var running = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            running += weights[i] / total;
            _cumulative[i] = running;
        }
        _cumulative[^1] = 1.0;
    }

    public int Count => _cumulative.Length;

    public int Pick(ref Xoshiro256 rng) => Pick(rng.NextDouble());

    public int Pick(double unit)
    {
        var index = Array.BinarySearch(_cumulative, unit);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
