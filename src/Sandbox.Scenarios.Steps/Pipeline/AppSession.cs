using System.Security.Cryptography;
using System.Text.Json;
using Sandbox.Core.Events;

namespace Sandbox.Scenarios.Steps.Pipeline;

/// <summary>
/// A test user of the app writing planned events the way an app server does: one JSON line each,
/// appended to the current hour's log file the shipper tails.
/// </summary>
public sealed class AppSession(string logFolder)
{
    public string UserId { get; } = $"u-scenario-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    private readonly string _anonymousId = RandomNumberGenerator.GetHexString(16, lowercase: true);
    private readonly string _sessionId = $"s-{RandomNumberGenerator.GetHexString(16, lowercase: true)}";

    public void Send(string eventName, IReadOnlyDictionary<string, object> properties)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var line = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_id"] = EventId.Format(now, (ulong)Random.Shared.NextInt64() & 0xFFFF, (ulong)Random.Shared.NextInt64()),
            ["event_name"] = eventName,
            ["user_id"] = UserId,
            ["anonymous_id"] = _anonymousId,
            ["session_id"] = _sessionId,
            ["platform"] = "ios",
            ["os_version"] = "17.5",
            ["device_model"] = "iPhone15,2",
            ["app_version"] = "5.11.0",
            ["locale"] = "ja-JP",
            ["event_time"] = IsoTimestamp.Format(now),
            ["received_at"] = IsoTimestamp.Format(now),
            ["properties"] = properties,
        });
        var file = Path.Combine(logFolder, "app-01", $"app-{DateTime.UtcNow:yyyyMMddHH}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllText(file, line + "\n");
    }
}
