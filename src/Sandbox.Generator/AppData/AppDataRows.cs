using Sandbox.AppDatabase.Loading;
using Sandbox.Generator.Entities;

namespace Sandbox.Generator.AppData;

/// <summary>
/// The app database's tables as LOAD DATA rows, in foreign-key order (parents first). Ids are
/// formatted exactly as the event writer formats them (u########, br####, pr######, po########).
/// </summary>
public static class AppDataRows
{
    public sealed record Table(string Name, IReadOnlyList<string> Columns, Action<AppDataTimeline, TsvRows> Write)
    {
        public TsvRows Build(AppDataTimeline timeline)
        {
            var rows = new TsvRows();
            Write(timeline, rows);
            return rows;
        }
    }

    public static IReadOnlyList<Table> Tables { get; } =
    [
        new("users", ["user_id", "nickname", "gender", "birth_year", "prefecture", "skin_type", "created_at", "updated_at"], WriteUsers),
        new("brands", ["brand_id", "name", "country", "created_at", "updated_at"], WriteBrands),
        new("shops", ["shop_id", "name", "url", "created_at", "updated_at"], WriteShops),
        new("products", ["product_id", "brand_id", "name", "category", "price_jpy", "created_at", "updated_at"], WriteProducts),
        new("product_links", ["product_id", "shop_id", "url", "created_at", "updated_at"], WriteProductLinks),
        new("posts", ["post_id", "user_id", "product_id", "rating", "body", "created_at", "updated_at", "deleted_at"], WritePosts),
        new("likes", ["user_id", "post_id", "created_at", "updated_at"], WriteLikes),
        new("follows", ["follower_id", "followee_id", "created_at", "updated_at"], WriteFollows),
    ];

    public static string UserId(int u) => $"u{u:D8}";
    public static string BrandId(int b) => $"br{b:D4}";
    public static string ProductId(int p) => $"pr{p:D6}";
    public static string PostId(int p) => $"po{p:D8}";
    public static string ShopId(int s) => $"sh{s:D3}";

    private static void WriteUsers(AppDataTimeline t, TsvRows rows)
    {
        var pools = t.Model.Pools;
        var year = t.Model.Config.From.Year;
        for (var u = 0; u < pools.Users.Count; u++)
        {
            var profile = pools.Profiles[pools.Users.Profile[u]];
            var japanese = pools.Users.Locale[u] == 0;
            var rng = t.Choices(1, (ulong)u);
            var gender = rng.NextDouble() switch { < 0.86 => "female", < 0.96 => "male", _ => "unspecified" };
            var birthYear = year - AgeIn(profile.AgeBand, ref rng);
            var skin = rng.Chance(0.1) ? null : AppVocabulary.SkinTypes[rng.Next(AppVocabulary.SkinTypes.Length)];
            string? prefecture = japanese ? profile.Region : null;
            var nickname = profile.Nickname;
            switch (t.UserEdit[u])
            {
                case ProfileEdit.Nickname: nickname += AppVocabulary.NicknameDecorations[rng.Next(AppVocabulary.NicknameDecorations.Length)]; break;
                case ProfileEdit.SkinType: skin = AppVocabulary.SkinTypes[(Array.IndexOf(AppVocabulary.SkinTypes, skin) + 1 + rng.Next(AppVocabulary.SkinTypes.Length - 1)) % AppVocabulary.SkinTypes.Length]; break;
                case ProfileEdit.Prefecture: prefecture = AppVocabulary.Prefectures[rng.Next(AppVocabulary.Prefectures.Length)]; break;
            }
            rows.Text(UserId(u)).Text(nickname).Text(gender).Int(birthYear).Text(prefecture).Text(skin)
                .Time(At(t.UserCreated[u])).Time(At(t.UserUpdated[u])).EndRow();
        }
    }

    private static void WriteBrands(AppDataTimeline t, TsvRows rows)
    {
        var catalog = t.Model.Pools.Catalog;
        for (var b = 0; b < catalog.BrandCount; b++)
            rows.Text(BrandId(b)).Text(catalog.BrandNames[b]).Text(catalog.BrandCountry[b])
                .Time(At(t.BrandCreated[b])).Time(At(t.BrandCreated[b])).EndRow();
    }

    private static void WriteShops(AppDataTimeline t, TsvRows rows)
    {
        var catalog = t.Model.Pools.Catalog;
        for (var s = 0; s < catalog.ShopNames.Length; s++)
            rows.Text(ShopId(s)).Text(catalog.ShopNames[s]).Text(catalog.ShopUrls[s])
                .Time(At(t.ShopCreated[s])).Time(At(t.ShopCreated[s])).EndRow();
    }

    private static void WriteProducts(AppDataTimeline t, TsvRows rows)
    {
        var catalog = t.Model.Pools.Catalog;
        for (var p = 0; p < catalog.ProductCount; p++)
            rows.Text(ProductId(p)).Text(BrandId(catalog.ProductBrand[p])).Text(catalog.ProductNames[p])
                .Text(Vocabulary.Categories[catalog.ProductCategory[p]]).Int(t.ProductPrice[p])
                .Time(At(t.ProductCreated[p])).Time(At(t.ProductUpdated[p])).EndRow();
    }

    /// <summary>The shop the events link to (same URL as click_product_link's shop_url), and a second one for some products.</summary>
    private static void WriteProductLinks(AppDataTimeline t, TsvRows rows)
    {
        var catalog = t.Model.Pools.Catalog;
        var shops = catalog.ShopNames.Length;
        for (var p = 0; p < catalog.ProductCount; p++)
        {
            var rng = t.Choices(2, (ulong)p);
            var first = catalog.ProductShop[p];
            Link(first);
            if (rng.Chance(0.3)) Link((first + 1 + rng.Next(shops - 1)) % shops);

            void Link(int shop)
            {
                var created = Math.Max(t.ProductCreated[p], t.ShopCreated[shop]) + 60_000;
                rows.Text(ProductId(p)).Text(ShopId(shop)).Text($"{catalog.ShopUrls[shop]}/items/{ProductId(p)}")
                    .Time(At(created)).Time(At(created)).EndRow();
            }
        }
    }

    private static void WritePosts(AppDataTimeline t, TsvRows rows)
    {
        var content = t.Model.Pools.Content;
        var catalog = t.Model.Pools.Catalog;
        for (var p = 0; p < content.PostCount; p++)
        {
            var rng = t.Choices(3, (ulong)p);
            var product = content.PostProduct[p];
            int? rating = product >= 0 ? 1 + t.Model.Ratings.Pick(ref rng) : null;
            var body = AppVocabulary.PostBody(rating, product >= 0 ? Vocabulary.Categories[catalog.ProductCategory[product]] : null, ref rng);
            var deleted = t.PostDeleted[p];
            rows.Text(PostId(p)).Text(UserId(content.PostAuthor[p])).Text(product >= 0 ? ProductId(product) : null).Int(rating).Text(body)
                .Time(At(t.PostCreated[p])).Time(At(deleted >= 0 ? deleted : t.PostCreated[p])).Time(deleted >= 0 ? At(deleted) : null).EndRow();
        }
    }

    private static void WriteLikes(AppDataTimeline t, TsvRows rows)
    {
        foreach (var (user, post, at) in t.Likes)
            rows.Text(UserId(user)).Text(PostId(post)).Time(At(at)).Time(At(at)).EndRow();
    }

    private static void WriteFollows(AppDataTimeline t, TsvRows rows)
    {
        foreach (var (follower, followee, at) in t.Follows)
            rows.Text(UserId(follower)).Text(UserId(followee)).Time(At(at)).Time(At(at)).EndRow();
    }

    private static int AgeIn(string band, ref Randomness.Xoshiro256 rng)
    {
        var parts = band.TrimEnd('+').Split('-');
        var low = int.Parse(parts[0]);
        var high = parts.Length > 1 ? int.Parse(parts[1]) : low + 15;
        return rng.Next(low, high + 1);
    }

    private static DateTime At(long ms) => DateTime.UnixEpoch.AddMilliseconds(ms);

    private static DateTime? At(long? ms) => ms is { } v ? At(v) : null;
}
