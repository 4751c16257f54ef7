using System.Text.Json;
using MySqlConnector;
using Sandbox.AppDatabase;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.AppData;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests.AppData;

[Collection(StackCollection.Name)]
public class AppDbOutputTests(StackFixture stack)
{
    private static readonly GeneratorConfig OneDay = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 1), Users = 800, EventsPerDay = 3_000 };
    private static readonly GeneratorConfig TwoDays = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 2), Users = 2_500, EventsPerDay = 3_000 };

    [Fact]
    public async Task Every_user_product_brand_and_post_an_event_refers_to_is_a_row()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(OneDay, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        await using var database = await ThrowawayAppDatabase.CreateAsync(stack.Endpoints.AppDatabaseConnectionString, "gen_ids");

        await AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString);

        var rows = new Dictionary<string, HashSet<string>>
        {
            ["u"] = await IdsAsync(database, "select user_id from users"),
            ["pr"] = await IdsAsync(database, "select product_id from products"),
            ["br"] = await IdsAsync(database, "select brand_id from brands"),
            ["po"] = await IdsAsync(database, "select post_id from posts"),
        };
        var brandNames = (await PairsAsync(database, "select brand_id, name from brands")).ToDictionary(p => p.Key, p => p.Value);
        var checkedRefs = rows.Keys.ToDictionary(k => k, _ => 0);
        void Check(string? id)
        {
            if (id is null || id.StartsWith("rv", StringComparison.Ordinal)) return; // review ids are the events' own
            var prefix = id[..(char.IsDigit(id[1]) ? 1 : 2)];
            Assert.True(rows[prefix].Contains(id), $"event refers to {id}, which the app database lacks");
            checkedRefs[prefix]++;
        }
        foreach (var line in OutputFiles.Lines(folder.Path))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("user_id", out var user)) Check(user.GetString());
            foreach (var property in root.GetProperty("properties").EnumerateObject())
            {
                if (property.Name is "user_id" or "author_id" or "followed_user_id" or "referrer_user_id" or "product_id" or "brand_id" or "post_id" or "content_id")
                    Check(property.Value.GetString());
                if (property.Name == "brand_name")
                    Assert.Equal(brandNames[root.GetProperty("properties").GetProperty("brand_id").GetString()!], property.Value.GetString());
            }
        }
        Assert.All(checkedRefs, pair => Assert.True(pair.Value > 100, $"only {pair.Value} references to {pair.Key}* ids were checked"));
    }

    [Fact]
    public async Task A_second_days_changes_are_in_the_manifest_and_in_updated_at()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(TwoDays, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        await using var database = await ThrowawayAppDatabase.CreateAsync(stack.Endpoints.AppDatabaseConnectionString, "gen_days");

        await AppDbGeneration.RunAsync(TwoDays, folder.Path, database.ConnectionString);

        var recorded = GenerationTruthFile.TryRead(folder.Path)!.AppDatabase!;
        Assert.Equal(["2026-11-01", "2026-11-02"], recorded.Days.Select(d => d.Date.ToString("yyyy-MM-dd")));
        var second = recorded.Days[1];
        Assert.True(second.NewUsers > 0 && second.ProfileEdits > 0 && second.DeletedPosts > 0 && second.NewLikes > 0, $"day 2 changed too little: {second}");
        foreach (var day in recorded.Days)
        {
            var (from, to) = ($"'{day.Date:yyyy-MM-dd}'", $"'{day.Date.AddDays(1):yyyy-MM-dd}'");
            var inDay = $"between {from} and {to} - interval 1 microsecond";
            Assert.Equal(day.NewUsers, await database.ScalarAsync<long>($"select count(*) from users where created_at {inDay}"));
            Assert.Equal(day.ProfileEdits, await database.ScalarAsync<long>($"select count(*) from users where updated_at {inDay} and updated_at > created_at"));
            Assert.Equal(day.PriceChanges, await database.ScalarAsync<long>($"select count(*) from products where updated_at {inDay}"));
            Assert.Equal(day.NewPosts, await database.ScalarAsync<long>($"select count(*) from posts where created_at {inDay}"));
            Assert.Equal(day.DeletedPosts, await database.ScalarAsync<long>($"select count(*) from posts where deleted_at {inDay} and updated_at = deleted_at"));
            Assert.Equal(day.NewLikes, await database.ScalarAsync<long>($"select count(*) from likes where updated_at {inDay}"));
            Assert.Equal(day.NewFollows, await database.ScalarAsync<long>($"select count(*) from follows where updated_at {inDay}"));
        }
        Assert.Equal(0, await database.ScalarAsync<long>($"select count(*) from users where updated_at >= '2026-11-03' or updated_at < created_at"));
        Assert.Equal(recorded.Rows["users"], await database.ScalarAsync<long>("select count(*) from users"));
    }

    [Fact]
    public async Task Filling_again_from_the_same_folder_leaves_an_intact_database_alone()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(OneDay, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        await using var database = await ThrowawayAppDatabase.CreateAsync(stack.Endpoints.AppDatabaseConnectionString, "gen_again");

        var first = await AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString);
        var second = await AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString);

        Assert.False(first.LeftAsIs);
        Assert.True(second.LeftAsIs);
        Assert.Equal(first.Truth.Rows, second.Truth.Rows);
        Assert.Equal(AppDataRows.Tables.Count, first.Truth.Checksums!.Count);
    }

    [Fact]
    public async Task A_changed_row_makes_the_next_fill_replace_the_rows_with_the_same_ones()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(OneDay, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        await using var database = await ThrowawayAppDatabase.CreateAsync(stack.Endpoints.AppDatabaseConnectionString, "gen_changed");
        const string digest = "select sum(crc32(concat_ws('|', product_id, brand_id, name, price_jpy, updated_at))) from products";

        await AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString);
        var first = await database.ScalarAsync<decimal>(digest);
        await database.ScalarAsync<long>("update products set price_jpy = price_jpy + 1 order by product_id limit 1");
        Assert.NotEqual(first, await database.ScalarAsync<decimal>(digest));
        var again = await AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString);

        Assert.False(again.LeftAsIs);
        Assert.Equal(first, await database.ScalarAsync<decimal>(digest));
    }

    [Fact]
    public async Task A_stopped_app_database_is_a_clear_error_and_the_manifest_stays_as_it_was()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(OneDay, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        var before = File.ReadAllText(Path.Combine(folder.Path, GenerationTruth.FileName));
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<AppDatabaseUnavailableException>(() =>
            AppDbGeneration.RunAsync(OneDay, folder.Path, $"Server=127.0.0.1;Port={port};Database=app;User ID=sandbox_app;Password=x;ConnectionTimeout=3"));

        Assert.Contains($"127.0.0.1:{port}/app (SANDBOX_APPDB) is not available", error.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder.Path, GenerationTruth.FileName)));
    }

    [Fact]
    public async Task A_database_without_the_schema_is_told_to_bootstrap()
    {
        using var folder = new TempFolder();
        FileGeneration.Run(OneDay, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());
        await using var database = await ThrowawayAppDatabase.CreateAsync(stack.Endpoints.AppDatabaseConnectionString, "gen_empty", migrate: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppDbGeneration.RunAsync(OneDay, folder.Path, database.ConnectionString));

        Assert.Contains("has 0 of the 8 app tables: run 'sandbox bootstrap' first", error.Message);
    }

    private static async Task<HashSet<string>> IdsAsync(ThrowawayAppDatabase database, string sql) =>
        (await PairsAsync(database, sql)).Select(p => p.Key).ToHashSet();

    private static async Task<List<KeyValuePair<string, string>>> PairsAsync(ThrowawayAppDatabase database, string sql)
    {
        await using var connection = await AppDatabaseConnection.OpenAsync(database.ConnectionString);
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new List<KeyValuePair<string, string>>();
        while (await reader.ReadAsync())
            pairs.Add(new(reader.GetString(0), reader.FieldCount > 1 ? reader.GetString(1) : ""));
        return pairs;
    }
}
