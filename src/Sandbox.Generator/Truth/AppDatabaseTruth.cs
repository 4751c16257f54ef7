using Sandbox.Generator.AppData;

namespace Sandbox.Generator.Truth;

/// <summary>What the "appdb" output wrote: rows per table and, per range day, what the live service changed.</summary>
public sealed record AppDatabaseTruth(
    string Database,
    IReadOnlyDictionary<string, long> Rows,
    IReadOnlyList<AppDayTruth> Days,
    double Seconds)
{
    public string Definitions { get; init; } =
        "Rows as loaded (state at the end of the range, times UTC). Per day: new_users = accounts created, profile_edits = users whose updated_at moved " +
        "(one edit each), price_changes = products whose price_jpy and updated_at moved, new_posts, deleted_posts (deleted_at set), new_likes, new_follows.";

    /// <summary>CHECKSUM TABLE per table right after the fill: a second run of the same settings compares them and leaves an identical database alone.</summary>
    public IReadOnlyDictionary<string, ulong>? Checksums { get; init; }

    public static AppDatabaseTruth From(AppDataTimeline timeline, string database, IReadOnlyDictionary<string, long> rows, TimeSpan took)
    {
        var c = timeline.Changes;
        var days = Enumerable.Range(0, timeline.Days).Select(d => new AppDayTruth(
            timeline.Model.Config.From.AddDays(d), c.NewUsers[d], c.ProfileEdits[d], c.PriceChanges[d],
            c.NewPosts[d], c.DeletedPosts[d], c.NewLikes[d], c.NewFollows[d])).ToList();
        return new AppDatabaseTruth(database, rows, days, Math.Round(took.TotalSeconds, 2));
    }
}

public sealed record AppDayTruth(
    DateOnly Date, long NewUsers, long ProfileEdits, long PriceChanges, long NewPosts, long DeletedPosts, long NewLikes, long NewFollows);
