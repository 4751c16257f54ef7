using System.Text.Json;

namespace Sandbox.Analytics.Tests.Support;

/// <summary>One event as both engines store it.</summary>
public sealed record EventRow(
    string EventId, string EventName, string? UserId, string AnonymousId, string? SessionId,
    DateTime EventTime, DateTime ReceivedAt, string? Platform, string? OsVersion, string? DeviceModel,
    string? AppVersion, string? Locale, string Properties)
{
    public static EventRow Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var e = json.RootElement;
        string? Text(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTime Time(string name) => DateTime.Parse(Text(name)!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        return new EventRow(Text("event_id")!, Text("event_name")!, Text("user_id"), Text("anonymous_id")!, Text("session_id"),
            Time("event_time"), Time("received_at"), Text("platform"), Text("os_version"), Text("device_model"),
            Text("app_version"), Text("locale"), e.GetProperty("properties").GetRawText());
    }

    /// <summary>A hand-made event for semantics tests: only what funnels read.</summary>
    public static EventRow Make(string actor, string name, DateTime time, string platform = "ios", string appVersion = "5.10.0", string properties = "{}") =>
        new($"{actor}-{name}-{time.Ticks}-{Guid.NewGuid():N}", name, null, actor, "s-1", time, time, platform, "17.0", "iPhone15,2", appVersion, "ja-JP", properties);
}
