using Sandbox.Load.Day;
using Sandbox.Shipper.Tailing;

namespace Sandbox.Load.Tests.Day;

/// <summary>A finished live hour goes once the shipper's pos file shows it read to the end; nothing else goes.</summary>
public sealed class LiveRotationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("live-rotation-").FullName;

    private string Log(string name, int bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    private LiveRotation RotationWith(params (string File, long Offset)[] positions)
    {
        var pos = Path.Combine(_folder, "pos");
        new PositionFile(pos).Save(positions.Select(p => KeyValuePair.Create(p.File, new FilePosition(1, p.Offset))));
        return new LiveRotation(pos);
    }

    [Fact]
    public void A_finished_file_read_to_the_end_is_deleted_and_counted()
    {
        var read = Log("app-2026110200.log", 100);
        var completed = Log("app-2026110201.log", 50);
        var rotation = RotationWith((read, 100), (completed, FilePosition.Completed));
        rotation.Finished(read);
        rotation.Finished(completed);
        rotation.Rotate(now: true);
        Assert.False(File.Exists(read));
        Assert.False(File.Exists(completed));
        Assert.Equal((2, 150), (rotation.DeletedFiles, rotation.DeletedBytes));
    }

    [Fact]
    public void A_file_not_read_to_the_end_or_not_in_the_pos_file_stays_until_it_is()
    {
        var partly = Log("app-2026110200.log", 100);
        var unseen = Log("app-2026110201.log", 100);
        var rotation = RotationWith((partly, 99));
        rotation.Finished(partly);
        rotation.Finished(unseen);
        rotation.Rotate(now: true);
        Assert.True(File.Exists(partly));
        Assert.True(File.Exists(unseen));

        new PositionFile(Path.Combine(_folder, "pos")).Save([KeyValuePair.Create(partly, new FilePosition(1, 100))]);
        rotation.Rotate(now: true);
        Assert.False(File.Exists(partly));
        Assert.True(File.Exists(unseen));
    }

    [Fact]
    public void A_file_the_feed_is_still_writing_is_never_deleted()
    {
        var writing = Log("app-2026110202.log", 100);
        RotationWith((writing, 100)).Rotate(now: true);
        Assert.True(File.Exists(writing));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
