using System.Text.RegularExpressions;
using Sandbox.Generator.AppData;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator.Tests.AppData;

public class CosmeticsNamesTests
{
    [Fact]
    public void Brands_and_products_read_like_a_cosmetics_catalogue_not_company_fakes()
    {
        var catalog = EntityPoolBuilder.Build(SmallConfigs.ThreeDays() with { Users = 40_000 }).Catalog;

        Assert.DoesNotContain(catalog.BrandNames, name => Regex.IsMatch(name, @" and |Sons|LLC|Inc\b|Group|株式会社|有限会社|合同会社"));
        Assert.True(catalog.BrandNames.Distinct().Count() > catalog.BrandCount / 2, "brand names repeat too often");
        var itemWords = new Dictionary<string, string>
        {
            ["lip"] = "リップ|ルージュ", ["lotion"] = "化粧水|ローション", ["mascara"] = "マスカラ", ["fragrance"] = "パルファム|トワレ|フレグランス",
        };
        for (var p = 0; p < catalog.ProductCount; p++)
        {
            var category = Vocabulary.Categories[catalog.ProductCategory[p]];
            if (itemWords.TryGetValue(category, out var words))
                Assert.Matches(words, catalog.ProductNames[p]);
        }
        Assert.All(catalog.BrandCountry, country => Assert.Contains(country, new[] { "JP", "KR", "FR", "US" }));
    }

    [Fact]
    public void The_same_seed_and_config_give_the_same_app_rows()
    {
        var config = SmallConfigs.ThreeDays();
        string Rows() => string.Concat(AppDataRows.Tables.Select(t =>
            t.Build(new AppDataTimeline(new SimulationModel(config, EntityPoolBuilder.Build(config)))).ToString()));

        Assert.Equal(Rows(), Rows());
    }
}
