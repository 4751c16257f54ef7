using Sandbox.Kinesis.Server.Storage;
using Sandbox.Kinesis.Server.Tests.Support;
using Sandbox.Testing;

namespace Sandbox.Kinesis.Server.Tests.Storage;

public sealed class StreamStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ManualTime _time = new();

    private StreamStore Open() => StreamStore.Open(_folder.Path, time: _time);

    [Fact]
    public void Streams_shards_and_records_survive_a_reopen()
    {
        using (var store = Open())
        {
            var stream = store.Create("events", 3, new Dictionary<string, string> { ["team"] = "data" })!;
            stream.State.Shards[1].Log.Append(Records.Make(0, 4));
            store.Update(stream, info => info with { RetentionHours = 48 });
        }

        using var reopened = Open();
        var state = reopened.Find("events")!.State;
        Assert.Equal(3, state.OpenShards.Length);
        Assert.Equal(48, state.Info.RetentionHours);
        Assert.Equal("data", state.Info.Tags["team"]);
        Assert.Equal(4, state.Shards[1].Log.TipPosition);
    }

    [Fact]
    public void A_taken_name_is_refused_and_a_deleted_stream_is_gone_with_its_files()
    {
        using var store = Open();
        Assert.NotNull(store.Create("s", 1, new Dictionary<string, string>()));
        Assert.Null(store.Create("s", 1, new Dictionary<string, string>()));

        Assert.True(store.Delete("s"));

        Assert.False(store.Delete("s"));
        Assert.Null(store.Find("s"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_folder.Path, "streams")));
    }

    [Fact]
    public void Dot_names_stay_inside_the_data_folder()
    {
        using var store = Open();
        store.Create("..", 1, new Dictionary<string, string>());

        Assert.True(Directory.Exists(Path.Combine(_folder.Path, "streams", "s_..")));
    }

    [Fact]
    public void Resharding_closes_parents_at_their_tip_and_opens_children_with_lineage_durably()
    {
        using (var store = Open())
        {
            var stream = store.Create("s", 2, new Dictionary<string, string>())!;
            stream.State.Shards[0].Log.Append(Records.Make(0, 3));
            store.Reshard(stream, 3);
        }

        using var reopened = Open();
        var state = reopened.Find("s")!.State;
        var shards = state.Info.Shards;
        Assert.Equal(5, shards.Length);
        Assert.Equal(3, shards[0].EndingPosition);
        Assert.Equal(0, shards[1].EndingPosition);
        Assert.Equal(["shardId-000000000002", "shardId-000000000003", "shardId-000000000004"], state.OpenShards.Select(s => s.Info.ShardId));
        Assert.Equal(("shardId-000000000000", (string?)null), (shards[2].ParentShardId, shards[2].AdjacentParentShardId));
        Assert.Equal(("shardId-000000000000", "shardId-000000000001"), (shards[3].ParentShardId, shards[3].AdjacentParentShardId));
        Assert.Throws<ShardClosedException>(() => state.Shards[0].Log.Append(Records.Make(9, 1)));
    }

    [Fact]
    public void Retention_trims_by_each_streams_own_period()
    {
        using var store = Open();
        var day = store.Create("day", 1, new Dictionary<string, string>())!;
        var week = store.Create("week", 1, new Dictionary<string, string>())!;
        store.Update(week, info => info with { RetentionHours = 168 });
        day.State.Shards[0].Log.Append(Records.Make(0, 2));
        week.State.Shards[0].Log.Append(Records.Make(0, 2));
        _time.Advance(TimeSpan.FromHours(25));

        store.TrimExpired();

        Assert.Equal(2, day.State.Shards[0].Log.TrimHorizonPosition);
        Assert.Equal(0, week.State.Shards[0].Log.TrimHorizonPosition);
    }

    [Fact]
    public void A_closed_shard_is_forgotten_once_its_data_and_its_closing_are_older_than_retention()
    {
        using var store = Open();
        var stream = store.Create("s", 1, new Dictionary<string, string>())!;
        stream.State.Shards[0].Log.Append(Records.Make(0, 3));
        store.Reshard(stream, 2);
        _time.Advance(TimeSpan.FromHours(23));
        store.TrimExpired();
        Assert.Equal(3, stream.State.Shards.Length);

        _time.Advance(TimeSpan.FromHours(2));
        store.TrimExpired();

        Assert.Equal(["shardId-000000000001", "shardId-000000000002"], stream.State.Info.Shards.Select(s => s.ShardId));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "streams", "s_s", "shards", "shardId-000000000000")));
        Assert.Equal("shardId-000000000000", stream.State.Info.Shards[0].ParentShardId); // lineage stays, as on AWS
    }

    public void Dispose() => _folder.Dispose();
}
