namespace Sandbox.Generator.Randomness;

/// <summary>
/// xoshiro256** — a small, fast, seedable generator for the per-event hot path
/// (Bogus is reserved for building entity pools). A struct: copy it and the copy replays.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        _s0 = Mix.Bijective(seed += 0x9E3779B97F4A7C15UL);
        _s1 = Mix.Bijective(seed += 0x9E3779B97F4A7C15UL);
        _s2 = Mix.Bijective(seed += 0x9E3779B97F4A7C15UL);
        _s3 = Mix.Bijective(seed + 0x9E3779B97F4A7C15UL);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive) (Lemire's multiply-shift; bias is negligible for our ranges).</summary>
    public int Next(int maxExclusive) => (int)(((NextULong() >> 32) * (ulong)maxExclusive) >> 32);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Index skewed towards 0 (popular items first): u^power scaled to the range.</summary>
    public int Skewed(int count, int power = 3)
    {
        var u = NextDouble();
        var x = u;
        for (var i = 1; i < power; i++) x *= u;
        return (int)(x * count);
    }

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - NextDouble());

    /// <summary>Number of failures before a success, mean <paramref name="mean"/>.</summary>
    public int Geometric(double mean)
    {
        if (mean <= 0) return 0;
        var p = 1.0 / (mean + 1.0);
        return (int)Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(1.0 - p));
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
