using System.Net;
using System.Text.Json;
using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.Digest.Rendering;
using Sandbox.Slack.Capture.Api;
using Sandbox.Slack.Capture.Hosting;
using Sandbox.Slack.Delivery;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Digest.Tests;

/// <summary>
/// The digest of hand-made events in a throwaway warehouse database, read as the analyst role and posted to
/// a capture running in-process: figures, changes, retention and tops as expected, a day without data posts nothing.
/// </summary>
public sealed class DigestEndToEndTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 11, 10);
    private ThrowawayDatabase _database = null!;
    private NpgsqlDataSource _analyst = null!;
    private CaptureServer _capture = null!;
    private string _captureFolder = null!;

    public async Task InitializeAsync()
    {
        var endpoints = EndpointsLoader.Load();
        _database = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, "digest_test");
        await LoadEventsAsync(_database.DataSource);
        _analyst = NpgsqlDataSource.Create(_database.ConnectionStringAs(endpoints.WarehouseAnalystConnectionString));
        _captureFolder = Directory.CreateTempSubdirectory("sandbox-digest-slack-").FullName;
        _capture = await CaptureServer.StartAsync(new CaptureOptions(IPAddress.Loopback, 0, _captureFolder, "kpi-digest"));
    }

    // Day-1: 10 installs, 5 of them search. Day: 4 of those come back (3 search, 3 open a product from search,
    // 1 clicks through). A week before: 2 installs.
    private static async Task LoadEventsAsync(NpgsqlDataSource warehouse)
    {
        var rows = new List<(string User, string Name, DateOnly Day, int Hour, string Properties)>();
        for (var u = 1; u <= 10; u++) rows.Add(($"u{u:00}", "app_install", Day.AddDays(-1), 10, "{}"));
        for (var u = 1; u <= 5; u++) rows.Add(($"u{u:00}", "search", Day.AddDays(-1), 11, """{"query":"lip"}"""));
        rows.AddRange([
            ("u01", "search", Day, 9, """{"query":"lip"}"""), ("u02", "search", Day, 9, """{"query":"lip"}"""), ("u03", "search", Day, 9, """{"query":"<toner>"}"""),
            ("u01", "view_product", Day, 10, """{"product_id":"pr000001","source":"search"}"""), ("u02", "view_product", Day, 10, """{"product_id":"pr000001","source":"search"}"""),
            ("u03", "view_product", Day, 10, """{"product_id":"pr000002","source":"search"}"""),
            ("u01", "click_product_link", Day, 11, """{"product_id":"pr000001","shop_id":"s1"}"""), ("u04", "view_post", Day, 12, """{"post_id":"po1"}"""),
            ("w01", "app_install", Day.AddDays(-7), 10, "{}"), ("w02", "app_install", Day.AddDays(-7), 10, "{}"),
        ]);
        await using var batch = warehouse.CreateBatch();
        var i = 0;
        foreach (var (user, name, day, hour, properties) in rows)
        {
            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "insert into events (event_id, event_name, user_id, anonymous_id, event_time, received_at, platform, properties) values ($1, $2, $3, $3, $4, $4, 'ios', $5::jsonb)")
            {
                Parameters = { new() { Value = $"e{i++}" }, new() { Value = name }, new() { Value = user }, new() { Value = time }, new() { Value = properties } },
            });
        }
        await batch.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_digest_of_a_day_is_posted_with_its_figures_and_chart()
    {
        using var http = new HttpClient();
        var poster = new SlackPoster(http, SlackDestination.Resolve(_ => null, _capture.Url));
        var output = new StringWriter();

        var outcome = await DigestRunner.RunAsync(new AnalyticsQueries(new WarehouseEngine(_analyst)), Day, new DigestLinks(new Uri("http://127.0.0.1:8088")), poster, output, CancellationToken.None);

        Assert.Equal(DigestStatus.Posted, outcome.Status);
        Assert.Contains("digest: 2026-11-10 posted to local Slack capture", output.ToString());
        var message = Assert.Single(_capture.Store.History(SlackDestination.CaptureChannel));
        var blocks = message.Blocks!.Value;
        var fields = blocks[1].GetProperty("fields");
        Assert.Equal("*DAU*\n4\n▼ 60.0% d/d · ▲ 100.0% w/w", fields[0].GetProperty("text").GetString());
        Assert.Equal("*Day-1 retention*\n40.0% of 10 installs\nn/a d/d · n/a w/w", fields[3].GetProperty("text").GetString());
        Assert.Contains("*shopping* (search → click_product_link): 33.3% (3 → 1)", blocks[3].GetProperty("text").GetProperty("text").GetString());
        var tops = blocks[4].GetProperty("fields");
        Assert.Equal("*Top searches*\n1. `lip` — 2\n2. `&lt;toner&gt;` — 1", tops[0].GetProperty("text").GetString());
        Assert.StartsWith("*Top products from search*\n1. pr000001 — 2\n2. pr000002 — 1", tops[1].GetProperty("text").GetString());
        var image = blocks[5];
        var file = _capture.Store.File(image.GetProperty("slack_file").GetProperty("id").GetString()!)!;
        Assert.True(file.Completed);
        Assert.Equal("image/png", file.MimeType);
        Assert.StartsWith("KPI digest 2026-11-10: DAU 4 (▼ 60.0% d/d)", message.Text);
    }

    [Fact]
    public async Task A_day_without_events_says_so_and_posts_nothing()
    {
        using var http = new HttpClient();
        var poster = new SlackPoster(http, SlackDestination.Resolve(_ => null, _capture.Url));
        var output = new StringWriter();

        var outcome = await DigestRunner.RunAsync(new AnalyticsQueries(new WarehouseEngine(_analyst)), Day.AddDays(3), new DigestLinks(null), poster, output, CancellationToken.None);

        Assert.Equal(DigestStatus.NoData, outcome.Status);
        Assert.Equal("digest: no events on 2026-11-13 in the warehouse: nothing posted (is the day loaded?)", output.ToString().Trim());
        Assert.Empty(_capture.Store.Channels());
    }

    [Fact]
    public async Task A_dry_run_prints_the_json_and_posts_nothing()
    {
        var output = new StringWriter();

        var outcome = await DigestRunner.RunAsync(new AnalyticsQueries(new WarehouseEngine(_analyst)), Day, new DigestLinks(null), poster: null, output, CancellationToken.None);

        Assert.Equal(DigestStatus.Printed, outcome.Status);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("upload:active-users.png", json.RootElement.GetProperty("blocks")[5].GetProperty("slack_file").GetProperty("id").GetString());
        Assert.Empty(_capture.Store.Channels());
    }

    public async Task DisposeAsync()
    {
        await _capture.DisposeAsync();
        Directory.Delete(_captureFolder, recursive: true);
        await _analyst.DisposeAsync();
        await _database.DisposeAsync();
    }
}
