using DuckDB.NET.Data;
using Sandbox.ClickLog.Export;
using Sandbox.ClickLog.Tests.Infrastructure;
using Sandbox.ClickLog.Tests.Reading;

namespace Sandbox.ClickLog.Tests.Export;

[Collection(ClickLogCollection.Name)]
public sealed class DynamoDbParquetExporterTests(ClickLogFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("clicklog-export-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task The_parquet_file_holds_one_typed_row_per_item_of_the_table()
    {
        var table = await ClickLogReaderTests.SeedAsync(fixture,
            [.. Enumerable.Range(0, 130).Select(i => TestLines.Click($"u-{i % 7}", $"2026-11-30T{i / 60:00}:{i % 60:00}:00.000Z"))]);
        var path = Path.Combine(_folder.FullName, "out", "clicks.parquet");

        var result = await new DynamoDbParquetExporter(fixture.Dynamo).ExportAsync(table, path, segments: 3, default);

        var items = await fixture.CountItemsAsync(table);
        Assert.Equal(130, items);
        Assert.Equal(items, result.Rows);
        await using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync();
        await using var query = duck.CreateCommand();
        query.CommandText = $"SELECT count(*), count(DISTINCT event_id), min(event_time), typeof(any_value(price)), sum(price)::BIGINT FROM read_parquet('{path}')";
        await using var row = await query.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal(items, row.GetInt64(0));
        Assert.Equal(items, row.GetInt64(1));
        Assert.Equal(new DateTime(2026, 11, 30, 0, 0, 0), row.GetDateTime(2));
        Assert.Equal("BIGINT", row.GetString(3));
        Assert.Equal(130 * 1980, row.GetInt64(4));
    }

    [Fact]
    public async Task A_missing_table_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new DynamoDbParquetExporter(fixture.Dynamo).ExportAsync("no_such_table", Path.Combine(_folder.FullName, "x.parquet"), 2, default));
        Assert.Contains("no_such_table", error.Message);
    }
}
