using Sandbox.Load.Integrity;
using Sandbox.Testing;

namespace Sandbox.Load.Tests.Integrity;

public sealed class HashSpillTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_bucket_reads_back_what_was_added_in_order_from_its_file_and_its_buffer()
    {
        var spill = new HashSpill(_folder.Sub("ids"), "day", new BucketLayout(1));
        var low = Enumerable.Range(0, HashSpill.BufferedPerBucket * 2 + 3).Select(i => (ulong)i * 7919).ToArray();
        var high = new[] { ulong.MaxValue, 1UL << 63, ulong.MaxValue };
        for (var i = 0; i < low.Length; i++)
        {
            spill.Add(low[i]);
            if (i < high.Length) spill.Add(high[i]);
        }

        Assert.Equal(low.Length + high.Length, spill.Count);
        Assert.Equal(low, spill.ReadBucket(0));
        Assert.Equal(high, spill.ReadBucket(1)); // repeats kept: a side's rows, not its distinct ids
        Assert.Single(Directory.GetFiles(_folder.Sub("ids"))); // only the bucket that filled its buffer went to disk
    }

    [Fact]
    public void A_bucket_nothing_was_added_to_reads_empty()
    {
        var spill = new HashSpill(_folder.Sub("ids"), "archive", new BucketLayout(2));
        spill.Add(ulong.MaxValue);

        Assert.Empty(spill.ReadBucket(0));
        Assert.Equal(new[] { ulong.MaxValue }, spill.ReadBucket(3));
        Assert.False(Directory.Exists(_folder.Sub("ids")));
    }

    public void Dispose() => _folder.Dispose();
}
