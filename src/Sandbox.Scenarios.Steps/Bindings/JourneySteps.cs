using System.Diagnostics;
using Reqnroll;
using Sandbox.ClickLog.Reading;
using Sandbox.Scenarios.Steps.Checks;
using Sandbox.Scenarios.Steps.Pipeline;

namespace Sandbox.Scenarios.Steps.Bindings;

/// <summary>A user's journey through the app against the live pipeline, as an app team writes it.</summary>
[Binding]
public sealed class JourneySteps(PipelineWorld world)
{
    private AppSession? _user;
    private string? _productId;
    private Stopwatch? _sinceTap;

    [Given("the pipeline is running")]
    public async Task PipelineRunning()
    {
        Directory.CreateDirectory(world.LogFolder);
        world.Live = await PipelineSession.StartAsync(await world.ResourcesAsync(), world.LogFolder, world.StateFolder, once: false, CancellationToken.None);
    }

    [When("a user searches {string}, views a product and taps the shop link")]
    public void SearchViewTap(string query)
    {
        if (world.Live is null) throw new InvalidOperationException("start the pipeline first: 'Given the pipeline is running'");
        _user = new AppSession(world.LogFolder);
        _productId = $"p-{Guid.NewGuid():N}"[..14];
        _user.Send("search", new Dictionary<string, object> { ["query"] = query, ["search_type"] = "product", ["result_count"] = 12 });
        _user.Send("view_product", new Dictionary<string, object>
        {
            ["product_id"] = _productId, ["brand_id"] = "b-0001", ["category"] = "lip", ["price"] = 1650, ["source"] = "search",
        });
        _user.Send("click_product_link", new Dictionary<string, object>
        {
            ["product_id"] = _productId, ["brand_id"] = "b-0001", ["shop_name"] = "Sandbox Shop", ["shop_url"] = "https://shop.example/lip-tint",
            ["price"] = 1650, ["source"] = "product_detail",
        });
        _sinceTap = Stopwatch.StartNew();
    }

    [Then("a click log for that product is readable for that user within {int} s")]
    public async Task ClickReadable(int seconds)
    {
        if (_user is null || _productId is null) throw new InvalidOperationException("no journey yet: add 'When a user searches ...' first");
        var resources = await world.ResourcesAsync();
        var reader = new ClickLogReader(resources.Clients.DynamoDb, resources.Endpoints.Resources.ClickLogTable);
        var limit = TimeSpan.FromSeconds(seconds);
        while (true)
        {
            var clicks = await reader.LatestAsync(_user.UserId, 10, CancellationToken.None);
            if (clicks.Any(c => c.ProductId == _productId)) return;
            if (_sinceTap!.Elapsed > limit)
                throw new CheckFailedException($"no click log for product {_productId} of user {_user.UserId} after {_sinceTap.Elapsed.TotalSeconds:N1} s (limit {seconds} s); "
                    + $"the user has {clicks.Count} click(s); pipeline: {world.Live!.Describe()}");
            await Task.Delay(100);
        }
    }
}
