namespace Sandbox.Load.Integrity;

/// <summary>
/// How id hashes are partitioned into buckets: by their top <see cref="Bits"/> bits, so bucket b of
/// every side holds the same range of hashes and two sides compare bucket by bucket. XxHash3 spreads
/// ids evenly: a bucket holds about its share of the day.
/// </summary>
public sealed record BucketLayout
{
    /// <summary>About what one side's bucket holds for a day of the size given to <see cref="For"/>: read whole, sorted in memory.</summary>
    public const long TargetBucketBytes = 1 << 20;

    /// <summary>4,096 buckets: a buffer each per side stays within a few tens of MB; past 500M ids the buckets grow instead.</summary>
    public const int MaxBits = 12;

    public BucketLayout(int bits)
    {
        if (bits is < 0 or > MaxBits) throw new ArgumentOutOfRangeException(nameof(bits), bits, $"bucket bits go from 0 to {MaxBits}");
        Bits = bits;
    }

    public int Bits { get; }
    public int Count => 1 << Bits;

    public int BucketOf(ulong hash) => Bits == 0 ? 0 : (int)(hash >> (64 - Bits));

    /// <summary>The fewest buckets that keep <paramref name="ids"/> hashes within <see cref="TargetBucketBytes"/> a bucket (a power of two).</summary>
    public static BucketLayout For(long ids)
    {
        var bits = 0;
        while (bits < MaxBits && Math.Max(0, ids) * sizeof(ulong) >> bits > TargetBucketBytes) bits++;
        return new BucketLayout(bits);
    }
}
