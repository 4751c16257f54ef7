using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.ClickLog.Tests.Infrastructure;

/// <summary>Event lines as the apps log them (envelope at top level), and lines the function must refuse.</summary>
public static class TestLines
{
    private static long _counter;

    public static string NewEventId() =>
        EventId.Format(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (ulong)Random.Shared.Next(0, 1 << 16), (ulong)Interlocked.Increment(ref _counter));

    public static string Click(string? userId, string eventTime, string? eventId = null, string productId = "p-1", string anonymousId = "anon-1") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_id"] = eventId ?? NewEventId(), ["event_name"] = "click_product_link", ["user_id"] = userId, ["anonymous_id"] = anonymousId,
            ["session_id"] = "s-1", ["event_time"] = eventTime, ["received_at"] = eventTime, ["platform"] = "ios", ["app_version"] = "1.2.3",
            ["properties"] = new Dictionary<string, object>
            {
                ["product_id"] = productId, ["brand_id"] = "b-1", ["shop_name"] = "Shop", ["shop_url"] = "https://shop.example/p",
                ["price"] = 1980, ["source"] = "product_detail",
            },
        });

    public static string Click(string userId, int minute) => Click(userId, $"2026-11-30T12:{minute:00}:00.000Z");

    public static string Other(string eventName = "logout") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["event_id"] = NewEventId(), ["event_name"] = eventName, ["user_id"] = "u-other", ["event_time"] = "2026-11-30T12:00:00.000Z",
        ["properties"] = new Dictionary<string, object>(),
    });

    /// <summary>Numbered lines for mapping tests that do not care about the event shape.</summary>
    public static List<(string Key, string Line)> Numbered(int count, int keys = 4, string name = "click_product_link") =>
        [.. Enumerable.Range(0, count).Select(i => ($"key-{i % keys}", $"{{\"n\":{i},\"k\":\"key-{i % keys}\",\"event_name\":\"{name}\"}}"))];

    public static int NumberOf(byte[] line) => JsonDocument.Parse(line).RootElement.GetProperty("n").GetInt32();
}
