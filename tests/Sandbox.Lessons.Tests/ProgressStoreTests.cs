using Sandbox.Lessons.Progress;

namespace Sandbox.Lessons.Tests;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lessons-progress-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public void A_pass_is_kept_per_person_and_the_first_pass_time_stays()
    {
        var store = new ProgressStore(PathOf("nested/progress.json"));
        var first = new DateTimeOffset(2026, 10, 5, 1, 0, 0, TimeSpan.Zero);
        store.RecordPass("alice", 3, first);
        store.RecordPass("alice", 3, first.AddHours(1));
        store.RecordPass("bob", 1, first);

        var reread = new ProgressStore(PathOf("nested/progress.json"));
        Assert.Equal(first, Assert.Single(reread.PassedBy("alice"), p => p.Key == 3).Value);
        Assert.Equal([1], reread.PassedBy("bob").Keys);
        Assert.Empty(reread.PassedBy("carol"));
    }

    [Fact]
    public void A_damaged_progress_file_is_named_and_left_alone()
    {
        File.WriteAllText(PathOf("progress.json"), "{ not json");
        var error = Assert.Throws<InvalidOperationException>(() => new ProgressStore(PathOf("progress.json")).RecordPass("alice", 1, DateTimeOffset.UtcNow));
        Assert.StartsWith($"lesson progress file '{PathOf("progress.json")}' is not valid JSON", error.Message);
        Assert.Equal("{ not json", File.ReadAllText(PathOf("progress.json")));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
