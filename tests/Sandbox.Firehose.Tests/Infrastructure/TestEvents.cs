using System.Globalization;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Firehose.Tests.Infrastructure;

/// <summary>Events that pass the tracking plan (logout has no required properties) and lines that do not.</summary>
public static class TestEvents
{
    public static string NewEventId() =>
        EventId.Format(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (ulong)Random.Shared.Next(0, 1 << 16), (ulong)Random.Shared.NextInt64());

    public static (string Id, string Line) Valid()
    {
        var id = NewEventId();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var line = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_id"] = id, ["event_name"] = "logout", ["anonymous_id"] = "anon-1", ["session_id"] = "s-1",
            ["event_time"] = now, ["received_at"] = now, ["platform"] = "ios", ["os_version"] = "17.0",
            ["device_model"] = "iPhone15,2", ["app_version"] = "1.2.3", ["locale"] = "ja-JP", ["properties"] = new Dictionary<string, object>(),
        });
        return (id, line);
    }

    /// <summary>Numbered JSON lines (not necessarily valid events) for consumer tests: {"n":i,"k":key}.</summary>
    public static List<(string Key, string Line)> Numbered(int count, int keys = 8, int start = 0) =>
        [.. Enumerable.Range(start, count).Select(i => ($"user-{i % keys}", $"{{\"n\":{i},\"k\":\"user-{i % keys}\"}}"))];

    public static int NumberOf(ReadOnlyMemory<byte> line) => JsonDocument.Parse(line).RootElement.GetProperty("n").GetInt32();
}
