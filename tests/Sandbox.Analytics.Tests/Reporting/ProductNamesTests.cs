using Sandbox.Analytics.Engines;
using Sandbox.Analytics.Reporting;
using Sandbox.Analytics.Tests.Support;

namespace Sandbox.Analytics.Tests.Reporting;

/// <summary>The report's product names, read from app.products/app.brands that this test creates and fills itself.</summary>
public sealed class ProductNamesTests : IAsyncLifetime
{
    private ScratchWarehouse _warehouse = null!;

    private WarehouseEngine Engine => new(_warehouse.DataSource);

    public async Task InitializeAsync() => _warehouse = await ScratchWarehouse.CreateAsync();

    public async Task DisposeAsync() => await _warehouse.DisposeAsync();

    [Fact]
    public async Task Top_products_are_labelled_with_their_brand_and_product_names()
    {
        await CreateDimensionTablesAsync(
            """
            insert into app.brands (brand_id, name) values ('br0001', 'ルミエール'), ('br0002', 'Ciel Beauté');
            insert into app.products (product_id, brand_id, name) values
              ('pr000001', 'br0001', 'モイストリッチ 化粧水'), ('pr000002', 'br0002', 'シアーグロウ リップティント 02 コーラル'),
              ('pr000003', 'br0404', 'ハイドラ 美容液');
            """);

        var names = await ProductNames.LookUpAsync(Engine, ["pr000001", "pr000002", "pr000003", "pr999999", "pr'; drop table app.products; --"]);

        Assert.Null(names.Note);
        Assert.Equal("pr000001  ルミエール / モイストリッチ 化粧水", names.Label("pr000001"));
        Assert.Equal("pr000002  Ciel Beauté / シアーグロウ リップティント 02 コーラル", names.Label("pr000002"));
        Assert.Equal("pr000003  ハイドラ 美容液", names.Label("pr000003")); // its brand is not synced (yet)
        Assert.Equal("pr999999", names.Label("pr999999"));
        Assert.Equal(3L, await _warehouse.ScalarAsync<long>("select count(*) from app.products"));
    }

    [Fact]
    public async Task Missing_dimension_tables_are_named_instead_of_failing()
    {
        var names = await ProductNames.LookUpAsync(Engine, ["pr000001"]);

        Assert.Equal("pr000001", names.Label("pr000001"));
        Assert.Contains("the warehouse has no app.products/app.brands yet (run 'sandbox sync'", names.Note);
    }

    [Fact]
    public async Task Empty_dimension_tables_are_named_instead_of_failing()
    {
        await CreateDimensionTablesAsync("");

        var names = await ProductNames.LookUpAsync(Engine, ["pr000001"]);

        Assert.Equal("pr000001", names.Label("pr000001"));
        Assert.Contains("app.products is empty", names.Note);
    }

    private Task CreateDimensionTablesAsync(string fill) => _warehouse.ExecuteAsync(
        $"""
        create schema if not exists app;
        create table app.brands (brand_id text primary key, name text not null);
        create table app.products (product_id text primary key, brand_id text not null, name text not null);
        {fill}
        """);
}
