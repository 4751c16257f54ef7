using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sandbox.Console.Tests.Ops;

namespace Sandbox.Console.Tests.Features;

/// <summary>Date range, enum and query-based enum parameters: bound as values, carried in the URL, a wrong value refused before anything runs.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ParameterTypesApiTests(ConsoleFixture console)
{
    private static readonly object[] Period = [new { name = "period", type = "daterange", value = "2026-10-01/2026-10-31" }];

    [Fact]
    public async Task A_date_range_binds_its_start_and_end_as_dates_and_the_url_carries_it()
    {
        using var client = await console.SignedInAsync("alice");
        const string sql = "select {{ period.start }} as first_day, {{ period.end }} - {{ period.start }} as days";
        var row = Assert.Single((await (await client.RunAsync(sql, Period)).LinesAsync()).Rows());
        Assert.Equal("2026-10-01", row[0].GetString());
        Assert.Equal(30, row[1].GetInt32());

        var id = (await client.SaveAsync("a period", sql, Period)).Id();
        var fromUrl = await client.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/results.json?p_period=2026-11-01/2026-11-03&max_age=0");
        Assert.Equal("2026-11-01", fromUrl.GetProperty("rows")[0][0].GetString());
        Assert.Equal(2, fromUrl.GetProperty("rows")[0][1].GetInt32());

        await RefusedAsync(client.GetAsync($"/api/queries/{id}/results.json?p_period=2026-11-03/2026-11-01"),
            "parameter 'period' is a date range: its start 2026-11-03 is after its end 2026-11-01");
        await RefusedAsync(client.GetAsync($"/api/queries/{id}/results.json?p_period=last-week"),
            "parameter 'period' is a date range: 'last-week' is not of the form YYYY-MM-DD/YYYY-MM-DD");
        await RefusedAsync(client.RunAsync("select {{ period }}", Period),
            "parameter 'period' is a date range: write {{ period.start }} and {{ period.end }} where its two days go");
        await RefusedAsync(client.RunAsync("select {{ n.start }}", new[] { new { name = "n", type = "number", value = "1" } }),
            "parameter 'n' is a number: {{ n.start }} is only for date ranges");
    }

    [Fact]
    public async Task An_enum_takes_one_of_its_options_bound_as_a_value_and_refuses_others_before_anything_runs()
    {
        await new Sandbox.Console.State.UserStore(console.StateDatabase).CreateAsync("enumerator", "analyst", ConsoleFixture.Password);
        using var client = await console.SignedInAsync("enumerator");
        object[] country = [new { name = "country", type = "enum", value = "JP", options = new[] { "JP", "US", "it's" } }];
        var row = Assert.Single((await (await client.RunAsync("select {{ country }} as c, {{ country }} = 'JP' as is_jp", country)).LinesAsync()).Rows());
        Assert.Equal("JP", row[0].GetString());
        Assert.True(row[1].GetBoolean());
        // A quote in an option is a value, not SQL.
        var quoted = Assert.Single((await (await client.RunAsync("select {{ country }} as c", country, new { country = "it's" })).LinesAsync()).Rows());
        Assert.Equal("it's", quoted[0].GetString());

        var before = (await client.GetFromJsonAsync<JsonElement>("/api/history")).GetArrayLength();
        await RefusedAsync(client.RunAsync("select {{ country }} as c", country, new { country = "XX" }),
            "parameter 'country' is an enum: 'XX' is not one of JP, US, it's");
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>("/api/history")).GetArrayLength());
        await RefusedAsync(client.RunAsync("select {{ country }}", new[] { new { name = "country", type = "enum", value = "JP" } }),
            "parameter 'country' is an enum: give options, 1 to 1000 values");
        await RefusedAsync(client.PostAsJsonAsync("/api/queries", new
            {
                name = "twice", sql = "select {{ c }}", parameters = new[] { new { name = "c", type = "enum", options = new[] { "a", "a" } } },
            }),
            "parameter 'c': option 'a' is listed twice");
    }

    [Fact]
    public async Task A_query_based_enum_takes_its_values_from_another_saved_querys_first_column()
    {
        using var alice = await console.SignedInAsync("alice");
        var countries = (await alice.SaveAsync("countries", "select c from (values ('JP'), ('US'), ('KR'), (null)) v(c) order by c")).Id();
        var options = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{countries}/options");
        Assert.Equal(["JP", "KR", "US"], options.GetProperty("values").EnumerateArray().Select(v => v.GetString()));

        object[] parameter = [new { name = "country", type = "query", queryId = countries, value = "KR" }];
        var id = (await alice.SaveAsync("by country", "select {{ country }} as c", parameter)).Id();
        var result = await alice.GetFromJsonAsync<JsonElement>($"/api/queries/{id}/results.json?p_country=US&max_age=0");
        Assert.Equal("US", result.GetProperty("rows")[0][0].GetString());
        await RefusedAsync(alice.GetAsync($"/api/queries/{id}/results.json?p_country=FR"), "parameter 'country' is an enum: 'FR' is not one of JP, KR, US");

        var secret = (await alice.SaveAsync("secret list", "select 'x'", isPrivate: true)).Id();
        await RefusedAsync(alice.RunAsync("select {{ c }}", new[] { new { name = "c", type = "query", queryId = secret, value = "x" } }),
            $"parameter 'c' takes its values from query {secret}, which is private: use a shared query");
        await RefusedAsync(alice.RunAsync("select {{ c }}", new[] { new { name = "c", type = "query", queryId = 999999, value = "x" } }),
            "parameter 'c' takes its values from query 999999, which does not exist");
        await RefusedAsync(alice.RunAsync("select {{ c }}", new[] { new { name = "c", type = "query", value = "x" } }),
            "parameter 'c' is a query-based enum: give queryId, the saved query whose first column lists its values");
    }

    private static async Task RefusedAsync(Task<HttpResponseMessage> call, string message)
    {
        var response = await call;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ErrorAsync()).GetProperty("message").GetString());
    }
}
