using Sandbox.Load.Integrity;
using Sandbox.Testing;

namespace Sandbox.Load.Tests.Integrity;

public sealed class IdBucketsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_run_s_buckets_start_empty_in_a_folder_another_run_left_and_are_deleted_after()
    {
        var left = IdBuckets.For(_folder.Sub("ids"), 10);
        Fill(left.Day);
        Assert.NotEmpty(Directory.GetFiles(_folder.Sub("ids")));

        var fresh = IdBuckets.For(_folder.Sub("ids"), 10);
        Assert.Empty(fresh.Day.ReadBucket(0));
        Fill(fresh.Archive);
        Assert.Single(Directory.GetFiles(_folder.Sub("ids")));
        fresh.Delete();
        Assert.False(Directory.Exists(_folder.Sub("ids")));
    }

    /// <summary>A buffer's worth: written to the bucket's file.</summary>
    private static void Fill(HashSpill side)
    {
        for (var i = 0; i < HashSpill.BufferedPerBucket; i++) side.Add((ulong)i);
    }

    public void Dispose() => _folder.Dispose();
}
