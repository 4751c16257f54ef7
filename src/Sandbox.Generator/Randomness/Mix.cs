namespace Sandbox.Generator.Randomness;

/// <summary>SplitMix64 mixing: derives independent seeds from (seed, keys) and turns unique counters into unique random-looking ids.</summary>
public static class Mix
{
    /// <summary>The SplitMix64 finalizer: a bijection on 64-bit values, so distinct inputs give distinct outputs.</summary>
    public static ulong Bijective(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Derive(ulong seed, ulong a) => Bijective(seed + 0x9E3779B97F4A7C15UL * (a + 1));

    public static ulong Derive(ulong seed, ulong a, ulong b) => Derive(Derive(seed, a), b);

    public static ulong Derive(ulong seed, ulong a, ulong b, ulong c) => Derive(Derive(Derive(seed, a), b), c);

    /// <summary>A uniform double in [0, 1) from a hash value.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
