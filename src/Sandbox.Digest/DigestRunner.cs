using System.Text.Json;
using System.Text.Json.Nodes;
using Sandbox.Analytics;
using Sandbox.Digest.Rendering;
using Sandbox.Slack.Blocks;
using Sandbox.Slack.Delivery;

namespace Sandbox.Digest;

public enum DigestStatus { Posted, Printed, NoData }

public sealed record DigestOutcome(DigestStatus Status, DateOnly Day, SlackPostResult? Posted);

/// <summary>One digest run: build, then post it (or print its JSON for a dry run); a day without data posts nothing.</summary>
public static class DigestRunner
{
    /// <param name="poster">null: dry run, print the message's JSON instead of posting.</param>
    public static async Task<DigestOutcome> RunAsync(AnalyticsQueries queries, DateOnly day, DigestLinks links, SlackPoster? poster, TextWriter output, CancellationToken ct)
    {
        var digest = await DigestBuilder.BuildAsync(queries, day, links, ct);
        if (digest is null)
        {
            output.WriteLine($"digest: no events on {day:yyyy-MM-dd} in the {queries.Engine.Name}: nothing posted (is the day loaded?)");
            return new DigestOutcome(DigestStatus.NoData, day, null);
        }
        if (poster is null)
        {
            output.WriteLine(Json(digest));
            return new DigestOutcome(DigestStatus.Printed, day, null);
        }
        var result = await poster.PostAsync(digest.Message, digest.Images, ct);
        output.WriteLine($"digest: {day:yyyy-MM-dd} posted to {result.Destination}" + (result.Ts is { } ts ? $" (ts {ts})" : ""));
        foreach (var note in result.Notes) output.WriteLine($"digest: note: {note}");
        return new DigestOutcome(DigestStatus.Posted, day, result);
    }

    /// <summary>What would be posted: the message's text and blocks; an uploaded image shows as "upload:&lt;name&gt;".</summary>
    public static string Json(DigestContent digest)
    {
        var json = new JsonObject
        {
            ["text"] = digest.Message.Text,
            ["blocks"] = BlockKitJson.Write(digest.Message.Blocks, name => $"upload:{name}"),
            ["images"] = new JsonArray(digest.Images.Select(i => (JsonNode)new JsonObject { ["name"] = i.Name, ["title"] = i.Title, ["png_bytes"] = i.Png.Length }).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
