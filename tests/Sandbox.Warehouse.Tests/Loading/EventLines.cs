using System.Text.Json.Nodes;

namespace Sandbox.Warehouse.Tests.Loading;

/// <summary>Event lines for loader tests: a valid like_post, and ways to break it.</summary>
internal static class EventLines
{
    private static int _counter;

    public static string NewEventId() => Core.Events.EventId.Format(1_764_460_800_000, 0, (ulong)Interlocked.Increment(ref _counter));

    public static JsonObject Valid(string? eventId = null) => new()
    {
        ["event_id"] = eventId ?? NewEventId(),
        ["event_name"] = "like_post",
        ["user_id"] = "u_1",
        ["anonymous_id"] = "a_1",
        ["session_id"] = "s_1",
        ["event_time"] = "2026-11-30T12:34:56.789Z",
        ["received_at"] = "2026-11-30T12:34:57.001Z",
        ["platform"] = "ios",
        ["os_version"] = "18.1",
        ["device_model"] = "iPhone16,1",
        ["app_version"] = "3.2.0",
        ["locale"] = "ja-JP",
        ["properties"] = new JsonObject { ["post_id"] = "p_1", ["author_id"] = "u_2" },
    };

    public static string Line(string? eventId = null) => Valid(eventId).ToJsonString();

    public static string With(Action<JsonObject> change)
    {
        var line = Valid();
        change(line);
        return line.ToJsonString();
    }
}
