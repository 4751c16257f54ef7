using Sandbox.Generator.Entities;
using Sandbox.Generator.Randomness;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.AppData;

/// <summary>
/// The service's own database as it stands at the end of the generated range, built from the same
/// entity pools as the events (so every id an event carries is a row here) plus what a live service
/// does day by day: sign-ups, profile edits, price changes, new and deleted posts, likes, follows.
/// Times are milliseconds since the epoch (UTC); everything happened before the range ends.
/// Deterministic in the seed and config, like the events.
/// </summary>
public sealed class AppDataTimeline
{
    public const double ProfileEditsPerUserDay = 0.01;
    public const double PriceChangesPerProductDay = 0.005;
    public const double DeletionsPerPostDay = 0.002;
    private const long HourMs = 3_600_000;
    private const long DayMs = SimulationModel.DayMs;

    private readonly ulong _seed;

    public AppDataTimeline(SimulationModel model)
    {
        Model = model;
        _seed = Mix.Derive(model.Config.Seed, 0xA99DB);
        RangeStartMs = model.RangeStartMs;
        Days = model.Config.DayCount;
        RangeEndMs = RangeStartMs + Days * DayMs;
        var pools = model.Pools;
        Changes = new AppDataChanges(Days);
        BuildUsers(pools.Users);
        BuildCatalog(pools.Catalog);
        BuildPosts(pools.Content);
        BuildLikes(pools.Content, pools.Users.Count);
        BuildFollows(pools.Users.Count);
    }

    public SimulationModel Model { get; }
    public long RangeStartMs { get; }
    public long RangeEndMs { get; }
    public int Days { get; }
    public AppDataChanges Changes { get; }

    public long[] UserCreated { get; private set; } = [];
    public long[] UserUpdated { get; private set; } = [];
    /// <summary>What the user's one profile edit changed (<see cref="ProfileEdit"/>).</summary>
    public ProfileEdit[] UserEdit { get; private set; } = [];
    public long[] BrandCreated { get; private set; } = [];
    public long[] ShopCreated { get; private set; } = [];
    public long[] ProductCreated { get; private set; } = [];
    public long[] ProductUpdated { get; private set; } = [];
    public int[] ProductPrice { get; private set; } = [];
    public long[] PostCreated { get; private set; } = [];
    /// <summary>Soft deletion time, or -1 when the post is live.</summary>
    public long[] PostDeleted { get; private set; } = [];
    public List<(int User, int Post, long At)> Likes { get; } = [];
    public List<(int Follower, int Followee, long At)> Follows { get; } = [];

    private void BuildUsers(UserPool users)
    {
        UserCreated = new long[users.Count];
        UserUpdated = new long[users.Count];
        UserEdit = new ProfileEdit[users.Count];
        for (var u = 0; u < users.Count; u++)
        {
            // Accounts that existed before the range keep their install day; the rest sign up on theirs
            // (at its start, so no signed-in event of theirs comes before the account).
            var created = users.SignedUpBeforeRange[u]
                ? RangeStartMs + users.InstallDay[u] * DayMs + (long)(Unit(1, (ulong)u) * (DayMs - 1))
                : RangeStartMs + Math.Max(0, users.InstallDay[u]) * DayMs + (long)(Unit(1, (ulong)u) * 60_000);
            UserCreated[u] = UserUpdated[u] = created;
            if (created >= RangeStartMs) Changes.NewUsers[DayOf(created)]++;
            if (FirstChangeDay(2, (ulong)u, created, ProfileEditsPerUserDay) is { } day)
            {
                UserUpdated[u] = TimeInDay(day, created, 3, (ulong)u);
                UserEdit[u] = (ProfileEdit)(1 + (int)(Unit(4, (ulong)u) * 3));
                Changes.ProfileEdits[day]++;
            }
        }
    }

    private void BuildCatalog(Catalog catalog)
    {
        BrandCreated = new long[catalog.BrandCount];
        for (var b = 0; b < BrandCreated.Length; b++) BrandCreated[b] = DaysBefore(10, (ulong)b, 1_500, 4_000);
        ShopCreated = new long[catalog.ShopNames.Length];
        for (var s = 0; s < ShopCreated.Length; s++) ShopCreated[s] = DaysBefore(11, (ulong)s, 1_000, 3_000);
        ProductCreated = new long[catalog.ProductCount];
        ProductUpdated = new long[catalog.ProductCount];
        ProductPrice = (int[])catalog.ProductPrice.Clone();
        for (var p = 0; p < ProductCreated.Length; p++)
        {
            ProductCreated[p] = ProductUpdated[p] = Math.Max(BrandCreated[catalog.ProductBrand[p]] + DayMs, DaysBefore(12, (ulong)p, 30, 1_400));
            if (FirstChangeDay(13, (ulong)p, ProductCreated[p], PriceChangesPerProductDay) is not { } day) continue;
            ProductUpdated[p] = TimeInDay(day, ProductCreated[p], 14, (ulong)p);
            // A sale or a price revision: 5-20 % either way, in 10-yen steps, never the old price.
            var factor = 1 + (Unit(15, (ulong)p) < 0.6 ? -1 : 1) * (0.05 + 0.15 * Unit(16, (ulong)p));
            var price = Math.Max(100, (int)Math.Round(ProductPrice[p] * factor / 10) * 10);
            ProductPrice[p] = price == ProductPrice[p] ? price + 10 : price;
            Changes.PriceChanges[day]++;
        }
    }

    private void BuildPosts(ContentPool content)
    {
        PostCreated = new long[content.PostCount];
        PostDeleted = new long[content.PostCount];
        for (var p = 0; p < content.PostCount; p++)
        {
            var author = UserCreated[content.PostAuthor[p]];
            // Old authors posted some time before the range; accounts made in the range post on their first day.
            var created = author < RangeStartMs
                ? author + (long)(Unit(20, (ulong)p) * (RangeStartMs - author))
                : author + (long)(Unit(20, (ulong)p) * (DayMs - (author - RangeStartMs) % DayMs - 1));
            PostCreated[p] = created;
            PostDeleted[p] = -1;
            if (created >= RangeStartMs) Changes.NewPosts[DayOf(created)]++;
            if (FirstChangeDay(21, (ulong)p, created, DeletionsPerPostDay) is not { } day) continue;
            PostDeleted[p] = TimeInDay(day, created, 22, (ulong)p);
            Changes.DeletedPosts[day]++;
        }
    }

    private void BuildLikes(ContentPool content, int users)
    {
        Span<int> likers = stackalloc int[4];
        for (var p = 0; p < content.PostCount; p++)
        {
            var rng = new Xoshiro256(Mix.Derive(_seed, 30, (ulong)p));
            var count = rng.Next(5);
            for (var i = 0; i < count; i++)
            {
                var user = rng.Skewed(users, 2);
                if (likers[..i].Contains(user)) { likers[i] = -1; continue; }
                likers[i] = user;
                var at = Math.Max(PostCreated[p], UserCreated[user]) + 1 + (long)rng.Exponential(3 * DayMs);
                if (at >= RangeEndMs || PostDeleted[p] >= 0 && at >= PostDeleted[p]) continue;
                Likes.Add((user, p, at));
                if (at >= RangeStartMs) Changes.NewLikes[DayOf(at)]++;
            }
        }
    }

    private void BuildFollows(int users)
    {
        Span<int> followees = stackalloc int[3];
        for (var u = 0; u < users; u++)
        {
            var rng = new Xoshiro256(Mix.Derive(_seed, 31, (ulong)u));
            var count = rng.Next(4);
            for (var i = 0; i < count; i++)
            {
                var followee = rng.Skewed(users, 2);
                if (followee == u || followees[..i].Contains(followee)) { followees[i] = -1; continue; }
                followees[i] = followee;
                var at = Math.Max(UserCreated[u], UserCreated[followee]) + 1 + (long)rng.Exponential(10 * DayMs);
                if (at >= RangeEndMs) continue;
                Follows.Add((u, followee, at));
                if (at >= RangeStartMs) Changes.NewFollows[DayOf(at)]++;
            }
        }
    }

    /// <summary>The first range day (on or after the entity existed) on which a change with this daily chance happens.</summary>
    private int? FirstChangeDay(ulong salt, ulong entity, long createdMs, double perDay)
    {
        for (var day = Math.Max(0, DayOf(createdMs)); day < Days; day++)
            if (Unit(salt, entity * 1_000 + (ulong)day) < perDay) return day;
        return null;
    }

    /// <summary>A time in the range day, after <paramref name="notBefore"/>.</summary>
    private long TimeInDay(int day, long notBefore, ulong salt, ulong entity)
    {
        var start = Math.Max(RangeStartMs + day * DayMs, notBefore + 1);
        var end = RangeStartMs + (day + 1) * DayMs;
        return start + (long)(Unit(salt, entity) * (end - start - 1));
    }

    private long DaysBefore(ulong salt, ulong entity, int minDays, int maxDays) =>
        RangeStartMs - (long)((minDays + Unit(salt, entity) * (maxDays - minDays)) * DayMs);

    private int DayOf(long ms) => (int)Math.Floor((ms - RangeStartMs) / (double)DayMs);

    private double Unit(ulong salt, ulong entity) => (Mix.Derive(_seed, salt, entity) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A per-entity stream of further choices (names, ratings) that do not shift the timeline.</summary>
    public Xoshiro256 Choices(ulong salt, ulong entity) => new(Mix.Derive(_seed, 40 + salt, entity));
}

public enum ProfileEdit : byte { None, Nickname, SkinType, Prefecture }

/// <summary>What changed on each range day (index 0 = the first day).</summary>
public sealed class AppDataChanges(int days)
{
    public long[] NewUsers { get; } = new long[days];
    public long[] ProfileEdits { get; } = new long[days];
    public long[] PriceChanges { get; } = new long[days];
    public long[] NewPosts { get; } = new long[days];
    public long[] DeletedPosts { get; } = new long[days];
    public long[] NewLikes { get; } = new long[days];
    public long[] NewFollows { get; } = new long[days];
}
