using Npgsql;
using NpgsqlTypes;
using Sandbox.Generator.Config;
using Sandbox.Generator.Entities;

namespace Sandbox.Lessons.Tests.Support;

/// <summary>
/// The warehouse's app.* tables (the app database's names, src/Sandbox.AppDatabase) filled from the generator's entity pools, with the ids
/// the events carry, until `sandbox sync` fills them from the app database. Columns the pools do not model
/// (gender, skin_type, country...) get deterministic stand-ins; every 17th post is deleted.
/// </summary>
internal static class AppTables
{
    private static readonly string[] SkinTypes = ["dry", "oily", "combination", "normal", "sensitive"];

    public static async Task CreateAsync(NpgsqlDataSource warehouse, GeneratorConfig config)
    {
        var pools = EntityPoolBuilder.Build(config);
        var rangeStart = config.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var catalogCreated = rangeStart.AddYears(-1);
        await using var connection = await warehouse.OpenConnectionAsync();
        await using (var create = new NpgsqlCommand("""
            create schema if not exists app;
            create table app.users (user_id text primary key, nickname text, gender text, birth_year int, prefecture text, skin_type text,
                                    created_at timestamp not null, updated_at timestamp not null);
            create table app.brands (brand_id text primary key, name text not null, country text, created_at timestamp not null, updated_at timestamp not null);
            create table app.products (product_id text primary key, brand_id text not null, name text not null, category text, price_jpy int,
                                       created_at timestamp not null, updated_at timestamp not null);
            create table app.posts (post_id text primary key, user_id text not null, product_id text, rating int, body text,
                                    created_at timestamp not null, updated_at timestamp not null, deleted_at timestamp);
            """, connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var users = pools.Users;
        await CopyAsync(connection, "app.users (user_id, nickname, gender, birth_year, prefecture, skin_type, created_at, updated_at)", users.Count, (row, u) =>
        {
            var profile = pools.Profiles[users.Profile[u]];
            var created = rangeStart.AddDays(users.InstallDay[u]).AddMinutes(u % 1440);
            row.Text($"u{u:D8}").Text(profile.Nickname).Text(u % 10 < 8 ? "female" : u % 10 == 8 ? "male" : "other")
               .Int(BirthYear(profile.AgeBand, config.From.Year, u)).Text(profile.Region).Text(SkinTypes[u % SkinTypes.Length])
               .Time(created).Time(created);
        });
        var catalog = pools.Catalog;
        await CopyAsync(connection, "app.brands (brand_id, name, country, created_at, updated_at)", catalog.BrandCount, (row, b) =>
            row.Text($"br{b:D4}").Text(catalog.BrandNames[b]).Text(b % 3 == 0 ? "JP" : "US").Time(catalogCreated).Time(catalogCreated));
        await CopyAsync(connection, "app.products (product_id, brand_id, name, category, price_jpy, created_at, updated_at)", catalog.ProductCount, (row, p) =>
            row.Text($"pr{p:D6}").Text($"br{catalog.ProductBrand[p]:D4}").Text(catalog.ProductNames[p])
               .Text(Vocabulary.Categories[catalog.ProductCategory[p]]).Int(catalog.ProductPrice[p]).Time(catalogCreated).Time(catalogCreated));
        var content = pools.Content;
        await CopyAsync(connection, "app.posts (post_id, user_id, product_id, rating, body, created_at, updated_at, deleted_at)", content.PostCount, (row, p) =>
        {
            var created = rangeStart.AddDays(-30).AddMinutes(p * 7 % 43_200);
            row.Text($"po{p:D8}").Text($"u{content.PostAuthor[p]:D8}").Text(content.PostProduct[p] >= 0 ? $"pr{content.PostProduct[p]:D6}" : null)
               .Int(p % 5 + 1).Text($"post {p}").Time(created).Time(created).Time(p % 17 == 0 ? created.AddDays(10) : null);
        });
        await using var analyze = new NpgsqlCommand("analyze app.users; analyze app.brands; analyze app.products; analyze app.posts", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static int BirthYear(string ageBand, int year, int u)
    {
        var low = int.Parse(ageBand.TrimEnd('+').Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        return year - low - u % 7;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string target, int count, Action<Row, int> write)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"copy {target} from stdin (format binary)");
        for (var i = 0; i < count; i++)
        {
            await copy.StartRowAsync();
            write(new Row(copy), i);
        }
        await copy.CompleteAsync();
    }

    private readonly struct Row(NpgsqlBinaryImporter copy)
    {
        public Row Text(string? value)
        {
            if (value is null) copy.WriteNull(); else copy.Write(value, NpgsqlDbType.Text);
            return this;
        }

        public Row Int(int value)
        {
            copy.Write(value, NpgsqlDbType.Integer);
            return this;
        }

        public Row Time(DateTime? value)
        {
            if (value is null) copy.WriteNull(); else copy.Write(value.Value, NpgsqlDbType.Timestamp);
            return this;
        }
    }
}
