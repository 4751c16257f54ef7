using System.IO.Compression;
using System.Text.Json;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Randomness;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Output;

/// <summary>
/// Optional dimension tables next to the logs (<c>dimensions/users|brands|products.jsonl[.gz]</c>):
/// the entity pools the events refer to, with the same ids, for joins in the warehouse and lake.
/// </summary>
public static class DimensionWriter
{
    public const string Folder = "dimensions";

    public static IReadOnlyList<SinkOutput> Write(string outputDirectory, SimulationModel model)
    {
        var gzip = model.Config.Gzip;
        var pools = model.Pools;
        var users = pools.Users;
        var anonymousSalt = new IdSalts(model.Config.Seed).Anonymous;
        return
        [
            WriteTable(outputDirectory, "users", gzip, users.Count, (w, u) =>
            {
                var profile = pools.Profiles[users.Profile[u]];
                w.WriteString("user_id", $"u{u:D8}");
                w.WriteString("anonymous_id", Mix.Bijective(anonymousSalt + (ulong)u).ToString("x16"));
                w.WriteString("install_date", model.Config.From.AddDays(users.InstallDay[u]).ToString("yyyy-MM-dd"));
                w.WriteBoolean("signed_up_before_range", users.SignedUpBeforeRange[u]);
                w.WriteString("platform", PropertyValues.Platform[users.Platform[u]]);
                w.WriteString("locale", PropertyValues.Locale[users.Locale[u]]);
                w.WriteString("nickname", profile.Nickname);
                w.WriteString("region", profile.Region);
                w.WriteString("age_band", profile.AgeBand);
            }),
            WriteTable(outputDirectory, "brands", gzip, pools.Catalog.BrandCount, (w, b) =>
            {
                w.WriteString("brand_id", $"br{b:D4}");
                w.WriteString("brand_name", pools.Catalog.BrandNames[b]);
            }),
            WriteTable(outputDirectory, "products", gzip, pools.Catalog.ProductCount, (w, p) =>
            {
                var c = pools.Catalog;
                w.WriteString("product_id", $"pr{p:D6}");
                w.WriteString("brand_id", $"br{c.ProductBrand[p]:D4}");
                w.WriteString("product_name", c.ProductNames[p]);
                w.WriteString("category", Vocabulary.Categories[c.ProductCategory[p]]);
                w.WriteNumber("price", c.ProductPrice[p]);
                w.WriteString("shop_name", c.ShopNames[c.ProductShop[p]]);
            }),
        ];
    }

    private static SinkOutput WriteTable(string root, string name, bool gzip, int rows, Action<Utf8JsonWriter, int> writeRow)
    {
        var relative = $"{Folder}/{name}.jsonl{(gzip ? ".gz" : "")}";
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
        using (Stream target = gzip ? new GZipStream(file, CompressionLevel.Fastest) : file)
        {
            var writer = new Utf8JsonWriter(target, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            for (var row = 0; row < rows; row++)
            {
                writer.WriteStartObject();
                writeRow(writer, row);
                writer.WriteEndObject();
                writer.Flush();
                writer.Reset();
                target.WriteByte((byte)'\n');
            }
        }
        return new SinkOutput(relative, rows, new FileInfo(path).Length);
    }
}
