using System.Text;
using Sandbox.Core.Events;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// One benchmark event, typed like the events table, so the same rows feed both the raw COPY
/// baseline and (as JSON lines) the loader. Valid under the tracking plan.
/// </summary>
internal sealed record SyntheticEvent(
    string EventId, string EventName, string? UserId, string AnonymousId, string SessionId,
    DateTime EventTime, DateTime ReceivedAt, string Platform, string OsVersion, string DeviceModel,
    string AppVersion, string Locale, string Properties)
{
    private static readonly (string Name, Func<int, string> Properties)[] Kinds =
    [
        ("view_post", i => $$"""{"post_id":"p_{{i % 50_000}}","author_id":"u_{{i % 7_000}}","source":"feed","position":{{i % 40}}}"""),
        ("screen_view", i => $$"""{"screen_name":"home","previous_screen":"search"}"""),
        ("like_post", i => $$"""{"post_id":"p_{{i % 50_000}}","author_id":"u_{{i % 7_000}}"}"""),
        ("view_product", i => $$"""{"product_id":"pr_{{i % 9_000}}","brand_id":"b_{{i % 300}}","category":"skincare","price":{{1_000 + i % 9_000}},"source":"post"}"""),
        ("search", i => $$"""{"query":"化粧水 {{i % 100}}","search_type":"product","result_count":{{i % 60}}}"""),
    ];

    public static IEnumerable<SyntheticEvent> Generate(int count, long startUnixMs)
    {
        for (var i = 0; i < count; i++)
        {
            var time = startUnixMs + i * 5L;
            var (name, properties) = Kinds[i % Kinds.Length];
            var user = i % 3 == 0 ? null : $"u_{i % 20_000}";
            yield return new SyntheticEvent(
                Core.Events.EventId.Format(time, 0, (ulong)i), name, user, $"a_{i % 30_000:D6}", $"s_{i / 20:D8}",
                DateTime.UnixEpoch.AddMilliseconds(time), DateTime.UnixEpoch.AddMilliseconds(time + 150),
                Platforms.All[i % 3], "18.1", "iPhone16,1", "3.2.0", i % 5 == 0 ? "en-US" : "ja-JP", properties(i));
        }
    }

    public string ToJsonLine()
    {
        var line = new StringBuilder(400);
        line.Append("{\"event_id\":\"").Append(EventId).Append("\",\"event_name\":\"").Append(EventName).Append('"');
        if (UserId is not null) line.Append(",\"user_id\":\"").Append(UserId).Append('"');
        line.Append(",\"anonymous_id\":\"").Append(AnonymousId).Append("\",\"session_id\":\"").Append(SessionId)
            .Append("\",\"event_time\":\"").Append(IsoTimestamp.Format(UnixMs(EventTime)))
            .Append("\",\"received_at\":\"").Append(IsoTimestamp.Format(UnixMs(ReceivedAt)))
            .Append("\",\"platform\":\"").Append(Platform).Append("\",\"os_version\":\"").Append(OsVersion)
            .Append("\",\"device_model\":\"").Append(DeviceModel).Append("\",\"app_version\":\"").Append(AppVersion)
            .Append("\",\"locale\":\"").Append(Locale).Append("\",\"properties\":").Append(Properties).Append('}');
        return line.ToString();
    }

    private static long UnixMs(DateTime time) => (long)(time - DateTime.UnixEpoch).TotalMilliseconds;
}
