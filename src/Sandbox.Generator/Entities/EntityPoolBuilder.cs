using Bogus;
using Sandbox.Generator.Config;
using Sandbox.Generator.Randomness;

namespace Sandbox.Generator.Entities;

/// <summary>
/// Builds the entity pools once per run. Bogus (seeded, ja + en locales) makes the human-facing
/// strings; per-user numeric attributes come from the fast RNG because Bogus runs at ~60k objects/s
/// and a million users would take longer than the events themselves.
/// </summary>
public static class EntityPoolBuilder
{
    private const int MaxProfiles = 20_000;
    private const double EnglishShare = 0.08;

    public static EntityPools Build(GeneratorConfig config)
    {
        var profiles = BuildProfiles(config, out var japaneseProfiles);
        var catalog = BuildCatalog(config);
        var users = BuildUsers(config, japaneseProfiles, profiles.Count);
        var content = BuildContent(config, users, catalog);
        return new EntityPools(users, profiles, catalog, content, BuildQueries(config, catalog));
    }

    private static List<UserProfile> BuildProfiles(GeneratorConfig config, out int japanese)
    {
        var total = Math.Clamp(config.Users, 2, MaxProfiles);
        japanese = Math.Max(1, (int)(total * (1 - EnglishShare)));
        var ageBands = new WeightedTable(Vocabulary.AgeBandWeights);
        var profiles = new List<UserProfile>(total);
        foreach (var (locale, count, salt) in new[] { ("ja", japanese, 1UL), ("en", total - japanese, 2UL) })
        {
            var faker = new Faker(locale) { Random = new Randomizer(SeedFor(config, salt)) };
            for (var i = 0; i < count; i++)
            {
                var band = Vocabulary.AgeBands[ageBands.Pick(faker.Random.Double())];
                profiles.Add(new UserProfile(faker.Name.FirstName(), faker.Address.State(), band));
            }
        }
        return profiles;
    }

    private static Catalog BuildCatalog(GeneratorConfig config)
    {
        var catalog = new Catalog(
            brands: Math.Clamp(config.Users / 400, 40, 1_500),
            products: Math.Clamp(config.Users / 20, 500, 30_000),
            shops: 12);
        var names = new Xoshiro256(Mix.Derive(config.Seed, 0xE17171E5, 3));
        for (var i = 0; i < catalog.BrandCount; i++)
        {
            catalog.BrandNames[i] = CosmeticsNames.Brand(ref names);
            catalog.BrandCountry[i] = CosmeticsNames.Country(catalog.BrandNames[i], ref names);
        }
        for (var i = 0; i < catalog.ShopNames.Length; i++)
        {
            catalog.ShopNames[i] = CosmeticsNames.Shops[i % CosmeticsNames.Shops.Length];
            catalog.ShopUrls[i] = $"https://shop-{i + 1:D2}.cosme.example.jp";
        }
        var prices = new Xoshiro256(Mix.Derive(config.Seed, 0xE17171E5, 5));
        for (var i = 0; i < catalog.ProductCount; i++)
        {
            catalog.ProductBrand[i] = prices.Skewed(catalog.BrandCount, 2);
            catalog.ProductCategory[i] = (byte)prices.Next(Vocabulary.Categories.Length);
            catalog.ProductNames[i] = CosmeticsNames.Product(catalog.ProductCategory[i], ref names);
            catalog.ProductPrice[i] = (int)Math.Round(Math.Exp(6.2 + prices.NextDouble() * 3.0)) / 10 * 10 + 10;
            catalog.ProductShop[i] = prices.Next(catalog.ShopNames.Length);
        }
        return catalog;
    }

    private static UserPool BuildUsers(GeneratorConfig config, int japaneseProfiles, int totalProfiles)
    {
        var b = config.Behaviour;
        var users = new UserPool(config.Users);
        var platforms = new WeightedTable([b.Platforms.Ios, b.Platforms.Android, b.Platforms.Web]);
        var engagement = new WeightedTable([0.30, 0.45, 0.25]);
        float[] engagementLevels = [0.4f, 1.0f, 1.8f];
        var rng = new Xoshiro256(Mix.Derive(config.Seed, 0xE17171E5, 6));
        for (var u = 0; u < users.Count; u++)
        {
            var isNew = rng.Chance(b.NewUserShare);
            var u2 = rng.NextDouble();
            users.InstallDay[u] = isNew ? rng.Next(config.DayCount) : -1 - (int)(730 * u2 * u2);
            var platform = platforms.Pick(ref rng);
            users.Platform[u] = (byte)platform;
            users.DeviceModel[u] = (byte)rng.Next(Vocabulary.DeviceModels[platform].Length);
            users.OsVersion[u] = (byte)rng.Next(Vocabulary.OsVersions[platform].Length);
            var english = rng.Chance(EnglishShare) && totalProfiles > japaneseProfiles;
            users.Locale[u] = (byte)(english ? 1 : 0);
            users.Profile[u] = english ? rng.Next(japaneseProfiles, totalProfiles) : rng.Next(japaneseProfiles);
            users.Engagement[u] = engagementLevels[engagement.Pick(ref rng)];
            users.UpdateLagDays[u] = platform == 2 ? (byte)0 : (byte)Math.Min(60, rng.Geometric(b.MeanUpdateLagDays));
            users.SignedUpBeforeRange[u] = !isNew && rng.Chance(0.85);
        }
        return users;
    }

    private static ContentPool BuildContent(GeneratorConfig config, UserPool users, Catalog catalog)
    {
        var content = new ContentPool(posts: Math.Clamp(config.Users, 2_000, 400_000), existingReviews: Math.Clamp(config.Users / 2, 1_000, 200_000));
        var rng = new Xoshiro256(Mix.Derive(config.Seed, 0xE17171E5, 7));
        for (var p = 0; p < content.PostCount; p++)
        {
            var author = rng.Skewed(users.Count, 2);
            for (var tries = 0; tries < 8 && !users.SignedUpBeforeRange[author]; tries++) author = rng.Skewed(users.Count, 2);
            content.PostAuthor[p] = author;
            content.PostProduct[p] = rng.Chance(0.8) ? rng.Skewed(catalog.ProductCount, 2) : -1;
        }
        return content;
    }

    private static List<string> BuildQueries(GeneratorConfig config, Catalog catalog)
    {
        var faker = new Faker("ja") { Random = new Randomizer(SeedFor(config, 8)) };
        var queries = new List<string>(Vocabulary.CategorySearchWords);
        for (var i = 0; i < 300; i++)
        {
            var brand = catalog.BrandNames[faker.Random.Int(0, Math.Min(catalog.BrandCount, 200) - 1)];
            queries.Add(i % 2 == 0 ? brand : $"{brand} {faker.PickRandom(Vocabulary.CategorySearchWords)}");
        }
        return queries;
    }

    private static int SeedFor(GeneratorConfig config, ulong salt) => (int)(Mix.Derive(config.Seed, 0xE17171E5, salt) & 0x7FFFFFFF);
}
