using Sandbox.Load.Monitoring;

namespace Sandbox.Load.Tests;

/// <summary>The lifecycle never empties a folder: s3rver removes an emptied folder under a concurrent PUT into it.</summary>
public class StagingLifecycleTests
{
    private static StagingLifecycle Lifecycle() => new(null!, null!, "staging");

    [Fact]
    public void The_newest_key_of_each_folder_is_held_back()
    {
        var delete = Lifecycle().HoldBackNewest(["data/09/a", "data/09/b", "manifests/09/m1"]);
        Assert.Equal(["data/09/a"], delete);
    }

    [Fact]
    public void A_held_back_key_goes_once_a_newer_key_of_its_folder_expires()
    {
        var lifecycle = Lifecycle();
        lifecycle.HoldBackNewest(["data/09/a", "manifests/09/m1"]);
        var delete = lifecycle.HoldBackNewest(["data/09/b", "data/10/c", "manifests/09/m2"]);
        Assert.Equal(["data/09/a", "manifests/09/m1"], delete.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_older_key_expiring_late_is_deleted_and_the_newer_held_key_stays()
    {
        var lifecycle = Lifecycle();
        lifecycle.HoldBackNewest(["data/09/b"]);
        Assert.Equal(["data/09/a"], lifecycle.HoldBackNewest(["data/09/a"]));
        Assert.Equal(["data/09/b"], lifecycle.HoldBackNewest(["data/09/c"]));
    }
}
