using System.Text.Json;
using Sandbox.Core.TrackingPlan;
using Sandbox.Testing;

namespace Sandbox.Generator.Tests;

public class DimensionTests
{
    [Fact]
    public void Dimensions_hold_every_user_brand_and_product_the_events_refer_to()
    {
        using var folder = new TempFolder();
        var config = SmallConfigs.ThreeDays() with { To = new DateOnly(2026, 11, 1), Users = 800, EventsPerDay = 3_000, WriteDimensions = true };
        var (manifest, _) = FileGeneration.Run(config, folder.Path, 2, false, TrackingPlanLoader.LoadEmbedded());

        Assert.Equal(["dimensions/brands.jsonl", "dimensions/products.jsonl", "dimensions/users.jsonl"], manifest.Dimensions.Select(d => d.Path).Order());
        HashSet<string> Ids(string table, string key) =>
            File.ReadLines(Path.Combine(folder.Path, "dimensions", table + ".jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty(key).GetString()!).ToHashSet();
        var users = Ids("users", "user_id");
        var products = Ids("products", "product_id");
        Assert.Equal(800, users.Count);
        foreach (var line in OutputFiles.Lines(folder.Path))
        {
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("user_id", out var user)) Assert.Contains(user.GetString()!, users);
            if (root.GetProperty("properties").TryGetProperty("product_id", out var product)) Assert.Contains(product.GetString()!, products);
        }
        var first = JsonDocument.Parse(File.ReadLines(Path.Combine(folder.Path, "dimensions", "users.jsonl")).First()).RootElement;
        Assert.False(string.IsNullOrEmpty(first.GetProperty("region").GetString()));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", first.GetProperty("install_date").GetString()!);
    }
}
