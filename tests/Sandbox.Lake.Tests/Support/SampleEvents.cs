using System.Text.Json;

namespace Sandbox.Lake.Tests.Support;

/// <summary>Event lines shaped like the tracking plan's envelope (top-level fields plus properties).</summary>
public static class SampleEvents
{
    public static string Line(int n, DateTimeOffset eventTime, string eventName = "app_open", string? user = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["event_id"] = $"e-{n:D6}",
        ["event_name"] = eventName,
        ["user_id"] = user ?? $"u-{n % 7}",
        ["anonymous_id"] = $"a-{n % 7}",
        ["session_id"] = $"s-{n % 3}",
        ["event_time"] = eventTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        ["received_at"] = eventTime.AddSeconds(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        ["platform"] = n % 2 == 0 ? "ios" : "android",
        ["os_version"] = "17.1",
        ["device_model"] = "iPhone15,2",
        ["app_version"] = "3.2.0",
        ["locale"] = "ja_JP",
        ["properties"] = new Dictionary<string, object> { ["query"] = $"q{n}", ["position"] = n },
    });

    public static IEnumerable<string> Lines(int first, int count, DateTimeOffset eventTime) =>
        Enumerable.Range(first, count).Select(n => Line(n, eventTime.AddMilliseconds(n)));

    public static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, null, System.Globalization.DateTimeStyles.AssumeUniversal);
}
