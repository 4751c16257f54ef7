using System.Net;
using System.Net.Http.Json;
using DuckDB.NET.Data;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Features;

/// <summary>The full result as Parquet (editor download and results.parquet), read back by DuckDB.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ParquetDownloadTests(ConsoleFixture console)
{
    [Fact]
    public async Task The_editor_download_keeps_column_types_and_nulls()
    {
        using var client = await console.SignedInAsync("alice");
        var response = await client.PostAsJsonAsync("/api/run/parquet", new
        {
            sql = """
                  select g as n, g::bigint * 10000000000 as big, g / 4.0 as quarter, 'row ' || g as label, g % 2 = 0 as even,
                         date '2026-10-01' + g as day, timestamptz '2026-10-01 09:00:00+09' as stamp, case when g = 2 then null else g end as gap, 1 as n
                  from generate_series(1, 3) g
                  """,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType!.MediaType);
        var file = await SaveAsync(response);
        var rows = Read(file, "select n, big, quarter, label, even, day, stamp, gap, n_9, typeof(n), typeof(quarter), typeof(day), typeof(stamp) from read_parquet($path) order by n");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "10000000000", "0.25", "row 1", "False", "2026-10-02", "2026-10-01 00:00:00", "1", "1", "INTEGER", "DECIMAL(38,18)", "DATE", "TIMESTAMP"],
            rows[0].Select(Plain));
        Assert.Null(rows[1][7]);

        var tooBig = await client.PostAsJsonAsync("/api/run/parquet", new { sql = "select 1e25::numeric as big" });
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.StartsWith("10000000000000000000000000 has more than 20 digits before the point", (await tooBig.ErrorAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Results_parquet_writes_a_saved_query_in_row_groups_and_refuses_bad_input()
    {
        using var client = await console.SignedInAsync("alice");
        var id = (await client.SaveAsync("many rows", "select g from generate_series(1, {{ upto }}) g", [new { name = "upto", type = "number", value = "120000" }])).Id();
        var response = await client.GetAsync($"/api/queries/{id}/results.parquet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await SaveAsync(response);
        var summary = Read(file, "select count(*), sum(g), (select count(distinct row_group_id) from parquet_metadata($path)) from read_parquet($path)").Single();
        Assert.Equal(["120000", "7200060000", "3"], summary.Select(Plain));

        var bad = await client.GetAsync($"/api/queries/{id}/results.parquet?p_upto=lots");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("parameter 'upto' is a number: 'lots' is not one (e.g. 42 or -1.5)", (await bad.ErrorAsync()).GetProperty("message").GetString());
        var unknown = await client.GetAsync($"/api/queries/{id}/results.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("results.xml: use results.json, results.csv or results.parquet", (await unknown.ErrorAsync()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await console.Anonymous().GetAsync($"/api/queries/{id}/results.parquet")).StatusCode);
    }

    /// <summary>A cell as invariant text (DuckDB hands back its own .NET types for dates and big integers).</summary>
    private static string? Plain(object? value) => value switch
    {
        null => null,
        decimal d => d.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static async Task<string> SaveAsync(HttpResponseMessage response)
    {
        var file = Path.Combine(Path.GetTempPath(), $"console-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }

    private static List<object?[]> Read(string file, string sql)
    {
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add(new DuckDBParameter("path", file));
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
            return rows;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
