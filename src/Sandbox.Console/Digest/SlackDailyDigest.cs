using Npgsql;
using Sandbox.Analytics;
using Sandbox.Analytics.Engines;
using Sandbox.Core.Endpoints;
using Sandbox.Digest;
using Sandbox.Digest.Rendering;
using Sandbox.Slack.Delivery;

namespace Sandbox.Console.Digest;

/// <summary>
/// The same digest as `sandbox digest` (src/Sandbox.Digest): built from the Analytics definitions on
/// the warehouse as the console's read-only query role, posted to the environment's Slack destination.
/// </summary>
public sealed class SlackDailyDigest(NpgsqlDataSource warehouse, HttpClient http, ILogger<SlackDailyDigest> log) : IDailyDigest
{
    public async Task<string> PostAsync(DateOnly day, CancellationToken ct)
    {
        var endpoints = EndpointsLoader.Load();
        var destination = SlackDestination.Resolve(Environment.GetEnvironmentVariable, endpoints.SlackUrl);
        var poster = new SlackPoster(http, destination, log: line => log.LogInformation("digest: {Line}", line));
        var said = new StringWriter();
        var outcome = await DigestRunner.RunAsync(new AnalyticsQueries(new WarehouseEngine(warehouse)), day, new DigestLinks(endpoints.ConsoleUrl), poster, said, ct);
        return said.ToString().Trim() is { Length: > 0 } text ? text : $"digest of {day:yyyy-MM-dd}: {outcome.Status}";
    }
}
